package com.agentfactory.supervisor.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an overdue request is given up: shown as the failure of every service that has not answered. */
record GiveUpPrivacyRequest(@NotBlank @Size(max = 500) String reason) {}
