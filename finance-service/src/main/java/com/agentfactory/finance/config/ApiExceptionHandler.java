package com.agentfactory.finance.config;

import com.agentfactory.finance.budget.BudgetConflictException;
import com.agentfactory.finance.budget.BudgetNotFoundException;
import com.agentfactory.finance.budget.InsufficientBudgetException;
import com.agentfactory.finance.customer.CustomerNotFoundException;
import com.agentfactory.messaging.web.ApiExceptionHandlerSupport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the finance domain's exceptions to problem details. */
@RestControllerAdvice
class ApiExceptionHandler extends ApiExceptionHandlerSupport {

    @ExceptionHandler(BudgetNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(BudgetNotFoundException e) {
        return problemResponse(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(CustomerNotFoundException.class)
    ResponseEntity<ProblemDetail> customerNotFound(CustomerNotFoundException e) {
        return problemResponse(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(BudgetConflictException.class)
    ResponseEntity<ProblemDetail> conflict(BudgetConflictException e) {
        return problemResponse(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    @ExceptionHandler(InsufficientBudgetException.class)
    ResponseEntity<ProblemDetail> insufficient(InsufficientBudgetException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Insufficient budget", e.getMessage());
        problem.setProperty("available_amount", e.available());
        problem.setProperty("requested_amount", e.requested());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
