package com.agentfactory.gateway.user;

public class UserNotFoundException extends RuntimeException {

    UserNotFoundException() {
        super("No user has this id.");
    }
}
