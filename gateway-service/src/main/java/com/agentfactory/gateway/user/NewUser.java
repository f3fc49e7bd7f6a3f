package com.agentfactory.gateway.user;

import com.agentfactory.access.Role;

/** What it takes to create a user; the password is still in clear here and only hashed by {@link UserService}. */
public record NewUser(String email, String password, String firstName, String lastName, Role role) {

    @Override
    public String toString() {
        return "NewUser[email=" + email + ", role=" + role + "]";
    }
}
