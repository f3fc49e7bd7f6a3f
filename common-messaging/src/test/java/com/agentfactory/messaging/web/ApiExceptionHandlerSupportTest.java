package com.agentfactory.messaging.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ApiExceptionHandlerSupportTest {

    private final ApiExceptionHandlerSupport handler = new ApiExceptionHandlerSupport() {};

    @Test
    void answersAStaleVersionWithConflictAndAskingAgain() {
        ResponseEntity<ProblemDetail> response = handler.handleConcurrencyFailure(
                new OptimisticLockingFailureException("row 42 was updated by another transaction"));

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getBody()).isNotNull();
        assertThat(response.getBody().getTitle()).isEqualTo("Conflict");
        assertThat(response.getBody().getDetail()).contains("retry");
    }

    @Test
    void answersALockThatCouldNotBeTakenWithConflict() {
        ResponseEntity<ProblemDetail> response =
                handler.handleConcurrencyFailure(new CannotAcquireLockException("deadlock detected"));

        assertThat(response.getStatusCode().value()).isEqualTo(409);
    }
}
