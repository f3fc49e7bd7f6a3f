package com.agentfactory.messaging.web;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One rejected field of a request, as listed in a ProblemDetail's {@code errors}. */
public record FieldErrorDetail(
        @JsonProperty("field") String field,
        @JsonProperty("message") String message) {}
