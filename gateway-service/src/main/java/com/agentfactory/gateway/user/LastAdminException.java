package com.agentfactory.gateway.user;

/** The role change would leave no ADMIN, and so nobody who can create users or change roles. */
public class LastAdminException extends RuntimeException {

    LastAdminException() {
        super("This is the last ADMIN: make another user ADMIN before changing this one's role.");
    }
}
