package com.agentfactory.gateway.auth;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** One message for every credential failure, so responses do not reveal which part was wrong. */
class InvalidCredentialsException extends ErrorResponseException {

    InvalidCredentialsException(String detail) {
        super(HttpStatus.UNAUTHORIZED, problem(detail), null);
    }

    static InvalidCredentialsException login() {
        return new InvalidCredentialsException("Email or password is incorrect.");
    }

    static InvalidCredentialsException refreshToken() {
        return new InvalidCredentialsException("The refresh token is invalid, expired or already used.");
    }

    static InvalidCredentialsException client() {
        return new InvalidCredentialsException("Client id or secret is incorrect.");
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setTitle("Invalid credentials");
        return problem;
    }
}
