package com.agentfactory.gateway.auth;

/** One message per kind of credential, so an answer does not reveal which part was wrong. */
public class InvalidCredentialsException extends RuntimeException {

    private InvalidCredentialsException(String message) {
        super(message);
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
}
