package com.agentfactory.gateway.user;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class DuplicateEmailException extends ErrorResponseException {

    DuplicateEmailException() {
        super(HttpStatus.CONFLICT, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "An account with this email already exists.");
        problem.setTitle("Email already registered");
        return problem;
    }
}
