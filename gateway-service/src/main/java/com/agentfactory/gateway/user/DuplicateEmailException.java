package com.agentfactory.gateway.user;

/** Someone already has an account with this email (compared case-insensitively). */
public class DuplicateEmailException extends RuntimeException {

    DuplicateEmailException() {
        super("An account with this email already exists.");
    }
}
