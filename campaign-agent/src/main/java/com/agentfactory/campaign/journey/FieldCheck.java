package com.agentfactory.campaign.journey;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A comparison of one customer or enrolment field with a value, such as {@code cart_value gt 50 GBP}: a condition on
 * money ({@link JourneyFacts#MONEY_FIELDS}) names the ISO 4217 currency its amount is in, and compares only money in it.
 */
record FieldCheck(
        @JsonProperty("field") String field,
        @JsonProperty("operator") String operator,
        @JsonProperty("value") Object value,
        @JsonProperty("currency") String currency) {}
