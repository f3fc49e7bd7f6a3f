package com.agentfactory.supervisor.config;

import com.agentfactory.messaging.web.ApiExceptionHandlerSupport;
import com.agentfactory.supervisor.escalation.EscalationConflictException;
import com.agentfactory.supervisor.escalation.EscalationNotFoundException;
import com.agentfactory.supervisor.registry.AgentNotFoundException;
import com.agentfactory.supervisor.task.IntakeOverloadedException;
import com.agentfactory.supervisor.task.TaskNotFoundException;
import com.agentfactory.supervisor.task.TaskNotStoredException;
import com.agentfactory.supervisor.task.TaskStateConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the supervisor's domain exceptions to problem details. */
@RestControllerAdvice
class ApiExceptionHandler extends ApiExceptionHandlerSupport {

    @ExceptionHandler({TaskNotFoundException.class, AgentNotFoundException.class, EscalationNotFoundException.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException e) {
        return problemResponse(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler({TaskStateConflictException.class, EscalationConflictException.class})
    ResponseEntity<ProblemDetail> conflict(RuntimeException e) {
        return problemResponse(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    @ExceptionHandler({IntakeOverloadedException.class, TaskNotStoredException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable", e.getMessage()));
    }
}
