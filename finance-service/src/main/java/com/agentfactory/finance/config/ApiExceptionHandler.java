package com.agentfactory.finance.config;

import com.agentfactory.finance.budget.InsufficientBudgetException;
import com.agentfactory.finance.budget.ReservationHeldByAnotherException;
import com.agentfactory.messaging.finance.FinanceProblemTypes;
import com.agentfactory.messaging.web.ApiExceptionHandlerSupport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details of the finance API. The shared domain exceptions (not found, conflict, invalid input) are
 * mapped by the support class; a refused reservation also tells the caller what is left, and a reservation held by
 * another caller is a 403 of its own type, which the agents' finance client tells from a 403 that may yet pass.
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

    @ExceptionHandler(ReservationHeldByAnotherException.class)
    ResponseEntity<ProblemDetail> heldByAnother(ReservationHeldByAnotherException e) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "Reservation held by another caller", e.getMessage());
        problem.setType(FinanceProblemTypes.RESERVATION_HELD_BY_ANOTHER);
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }
}
