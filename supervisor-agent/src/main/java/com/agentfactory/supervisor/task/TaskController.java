package com.agentfactory.supervisor.task;

import static com.agentfactory.messaging.time.YearRange.OPERATIONS_FIRST_YEAR;
import static com.agentfactory.messaging.time.YearRange.OPERATIONS_LAST_YEAR;

import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.paging.PageResponse;
import com.agentfactory.messaging.time.WithinYears;
import com.agentfactory.messaging.web.TraceContextFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(TaskController.PATH)
class TaskController {

    static final String PATH = "/api/v1/agents/tasks";

    private final TaskService tasks;

    TaskController(TaskService tasks) {
        this.tasks = tasks;
    }

    @Operation(summary = "Submit a task; it is routed, stored durably and queued for its agent (or escalated)")
    @ApiResponse(responseCode = "201", description = "Created and routed")
    @ApiResponse(responseCode = "422", description = "The task type is unknown or the input breaks its schema")
    @ApiResponse(
            responseCode = "503",
            description = "Intake is overloaded or the store is unreachable: retry after the Retry-After seconds")
    @ApiResponse(
            responseCode = "504",
            description = "The store did not finish the write in time: the tasks may or may not exist; look them up"
                    + " by the task_ids of the problem before submitting again (there is no idempotency key)")
    @PostMapping
    ResponseEntity<TaskCreatedResponse> create(
            @Valid @RequestBody CreateTaskRequest request, Caller caller, HttpServletRequest http) {
        TaskCreatedResponse created =
                tasks.create(request, caller.actorName(), TraceContextFilter.currentCorrelationId(http));
        // relative on purpose: behind the gateway the supervisor's own host is not the one the caller knows
        return ResponseEntity.created(URI.create(PATH + "/" + created.taskId())).body(created);
    }

    @Operation(
            summary = "Submit up to 500 tasks at once; each is routed, and all are stored and queued together"
                    + " or, if any is invalid, none")
    @ApiResponse(responseCode = "201", description = "All created and routed")
    @ApiResponse(responseCode = "422", description = "The task type is unknown or the input breaks its schema")
    @ApiResponse(
            responseCode = "503",
            description = "Intake is overloaded or the store is unreachable: retry after the Retry-After seconds")
    @ApiResponse(
            responseCode = "504",
            description = "The store did not finish the write in time: the tasks may or may not exist; look them up"
                    + " by the task_ids of the problem before submitting again (there is no idempotency key)")
    @PostMapping("/batch")
    ResponseEntity<TaskBatchCreatedResponse> createBatch(
            @Valid @RequestBody CreateTaskBatchRequest request, Caller caller, HttpServletRequest http) {
        List<TaskCreatedResponse> created =
                tasks.createAll(request.tasks(), caller.actorName(), TraceContextFilter.currentCorrelationId(http));
        return ResponseEntity.status(HttpStatus.CREATED).body(new TaskBatchCreatedResponse(created));
    }

    @Operation(summary = "A task with its status, progress, input, output, error and every transition")
    @GetMapping("/{taskId}")
    TaskResponse get(@PathVariable UUID taskId) {
        return tasks.get(taskId);
    }

    @Operation(summary = "Tasks, newest first, filtered by status, type, agent and creation time")
    @GetMapping
    PageResponse<TaskSummaryResponse> list(
            @RequestParam(required = false) TaskStatus status,
            @RequestParam(name = "task_type", required = false) @Size(max = 100) String taskType,
            @RequestParam(name = "agent_type", required = false) @Pattern(regexp = "[a-z][a-z0-9-]{0,48}")
                    String agentType,
            @RequestParam(name = "created_from", required = false)
                    @WithinYears(from = OPERATIONS_FIRST_YEAR, to = OPERATIONS_LAST_YEAR)
                    Instant createdFrom,
            @RequestParam(name = "created_to", required = false)
                    @WithinYears(from = OPERATIONS_FIRST_YEAR, to = OPERATIONS_LAST_YEAR)
                    Instant createdTo,
            @RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        return tasks.list(new TaskQuery(status, taskType, agentType, createdFrom, createdTo, page, limit));
    }

    @Operation(summary = "Cancel a task that has not finished")
    @ApiResponse(responseCode = "409", description = "The task has already finished")
    @ApiResponse(responseCode = "200", description = "Cancelled")
    @PostMapping("/{taskId}/cancel")
    TaskResponse cancel(@PathVariable UUID taskId, Caller caller) {
        return tasks.cancel(taskId, caller.actorName());
    }
}
