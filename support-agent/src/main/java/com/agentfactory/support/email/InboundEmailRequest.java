package com.agentfactory.support.email;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record InboundEmailRequest(
        @NotBlank(message = "must not be empty") @Email @Size(max = 320)
        String from,

        @Size(max = 500) String subject,

        @NotBlank(message = "must not be empty") @Size(max = 100_000)
        String body) {}
