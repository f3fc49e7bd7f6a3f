package com.agentfactory.recommendation.config;

import com.agentfactory.messaging.web.ApiExceptionHandlerSupport;
import com.agentfactory.recommendation.catalog.ProductNotFoundException;
import com.agentfactory.recommendation.recommendation.BusinessRuleNotFoundException;
import com.agentfactory.recommendation.recommendation.NoAbandonedCartException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details for this service's API; domain exceptions are mapped here as the features arrive. */
@RestControllerAdvice
class ApiExceptionHandler extends ApiExceptionHandlerSupport {

    @ExceptionHandler(ProductNotFoundException.class)
    ResponseEntity<ProblemDetail> handleProductNotFound(ProductNotFoundException e) {
        return problemResponse(HttpStatus.NOT_FOUND, "Product not found", e.getMessage());
    }

    @ExceptionHandler(BusinessRuleNotFoundException.class)
    ResponseEntity<ProblemDetail> handleRuleNotFound(BusinessRuleNotFoundException e) {
        return problemResponse(HttpStatus.NOT_FOUND, "Rule not found", e.getMessage());
    }

    @ExceptionHandler(NoAbandonedCartException.class)
    ResponseEntity<ProblemDetail> handleNoAbandonedCart(NoAbandonedCartException e) {
        return problemResponse(HttpStatus.NOT_FOUND, "No abandoned cart", e.getMessage());
    }
}
