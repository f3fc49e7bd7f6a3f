package com.agentfactory.gateway.user;

import java.util.UUID;

/** The storefront customer an account was asked for already has one. */
public class CustomerAccountExistsException extends RuntimeException {

    CustomerAccountExistsException(UUID customerId) {
        super("Customer " + customerId + " already has an account.");
    }
}
