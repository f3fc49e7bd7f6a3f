package com.agentfactory.gateway.user;

import com.agentfactory.access.Role;
import java.util.UUID;

/**
 * What it takes to create a user; the password is still in clear here and only hashed by {@link UserService}.
 *
 * @param customerId for a CUSTOMER, the known storefront customer the account is for; null for a new one
 */
public record NewUser(String email, String password, String firstName, String lastName, Role role, UUID customerId) {

    public NewUser(String email, String password, String firstName, String lastName, Role role) {
        this(email, password, firstName, lastName, role, null);
    }

    @Override
    public String toString() {
        return "NewUser[email=" + email + ", role=" + role + ", customerId=" + customerId + "]";
    }
}
