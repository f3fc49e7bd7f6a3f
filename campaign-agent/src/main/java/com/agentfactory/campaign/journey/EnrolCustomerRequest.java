package com.agentfactory.campaign.journey;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;

/** Enrols one customer by hand (or by a task), with values the steps may use, such as the cart. */
record EnrolCustomerRequest(
        @NotNull UUID customerId, @Size(max = 50) Map<String, Object> context) {}
