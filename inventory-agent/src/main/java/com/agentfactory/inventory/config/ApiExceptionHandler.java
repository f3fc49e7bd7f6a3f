package com.agentfactory.inventory.config;

import com.agentfactory.messaging.finance.FinanceUnavailableException;
import com.agentfactory.messaging.web.ApiExceptionHandlerSupport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details for this service's API; its domain exceptions extend the shared ones the support class maps. */
@RestControllerAdvice
class ApiExceptionHandler extends ApiExceptionHandlerSupport {

    /** Finance not answering is a passing state of a dependency, not a fault of the request: 503, try again. */
    @ExceptionHandler(FinanceUnavailableException.class)
    ResponseEntity<ProblemDetail> budgetUnavailable(FinanceUnavailableException e) {
        return problemResponse(HttpStatus.SERVICE_UNAVAILABLE, "Finance unavailable", e.getMessage());
    }
}
