package com.agentfactory.finance.config;

import com.agentfactory.finance.budget.InsufficientBudgetException;
import com.agentfactory.messaging.web.ApiExceptionHandlerSupport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details of the finance API. The shared domain exceptions (not found, conflict, invalid input) are
 * mapped by the support class; a refused reservation also tells the caller what is left.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ApiExceptionHandlerSupport {

    @ExceptionHandler(InsufficientBudgetException.class)
    ResponseEntity<ProblemDetail> insufficient(InsufficientBudgetException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Insufficient budget", e.getMessage());
        problem.setProperty("available_amount", e.available());
        problem.setProperty("requested_amount", e.requested());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
