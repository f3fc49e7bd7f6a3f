package com.agentfactory.campaign.journey;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;

/** Input of enrol-customer: the journey, the customer, and values its steps may use. */
record EnrolCustomerTask(
        @NotNull UUID journeyId,
        @NotNull UUID customerId,
        @Size(max = 50) Map<String, Object> context) {}
