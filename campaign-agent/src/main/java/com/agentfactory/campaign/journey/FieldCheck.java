package com.agentfactory.campaign.journey;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A comparison of one customer or enrolment field with a value, such as {@code cart_value gt 50}. */
record FieldCheck(
        @JsonProperty("field") String field,
        @JsonProperty("operator") String operator,
        @JsonProperty("value") Object value) {}
