package com.agentfactory.supervisor.config;

import com.agentfactory.messaging.web.ApiExceptionHandlerSupport;
import com.agentfactory.supervisor.task.IntakeOverloadedException;
import com.agentfactory.supervisor.task.TaskNotStoredException;
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
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable", e.getMessage()));
    }
}
