package com.agentfactory.support.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record AnswerTicketRequest(@NotBlank @Size(max = 10_000) String text, Boolean close) {}
