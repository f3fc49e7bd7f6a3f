package com.agentfactory.supervisor.config;

import com.agentfactory.messaging.web.ApiExceptionHandlerSupport;
import com.agentfactory.supervisor.task.CustomerBeingErasedException;
import com.agentfactory.supervisor.task.IntakeOverloadedException;
import com.agentfactory.supervisor.task.TaskNotStoredException;
import com.agentfactory.supervisor.task.TaskOutcomeUnknownException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details for the supervisor's own failures; the shared domain exceptions are mapped by the support class. */
@RestControllerAdvice
class ApiExceptionHandler extends ApiExceptionHandlerSupport {

    @ExceptionHandler({IntakeOverloadedException.class, TaskNotStoredException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
        return unavailable(e, 1);
    }

    /** Later than other refusals for a retry: the erasure holds the customer for its whole run. */
    @ExceptionHandler(CustomerBeingErasedException.class)
    ResponseEntity<ProblemDetail> customerBeingErased(CustomerBeingErasedException e) {
        // Retry-After is whole seconds; rounded up, so the caller never comes back sooner than asked
        long millis = e.retryAfter().toMillis();
        return unavailable(e, Math.max(1, (millis + 999) / 1000));
    }

    private ResponseEntity<ProblemDetail> unavailable(RuntimeException e, long retryAfterSeconds) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", Long.toString(retryAfterSeconds))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable", e.getMessage()));
    }

    /**
     * 504, not the 503 of "not stored, retry": a client that retries on that would create the task twice when the
     * write did commit, and 504 is what the gateway answers when a service does not answer in time, the same
     * unknown outcome. No Retry-After for the same reason.
     */
    @ExceptionHandler(TaskOutcomeUnknownException.class)
    ResponseEntity<ProblemDetail> outcomeUnknown(TaskOutcomeUnknownException e) {
        ProblemDetail problem = problem(HttpStatus.GATEWAY_TIMEOUT, "Outcome unknown", e.getMessage());
        problem.setProperty("task_ids", e.taskIds());
        return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT).body(problem);
    }
}
