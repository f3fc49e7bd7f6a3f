package com.agentfactory.campaign.journey;

import java.time.Instant;
import java.util.UUID;

record EnrolmentResponse(
        UUID id,
        UUID journeyId,
        UUID customerId,
        String status,
        String currentStep,
        Instant dueAt,
        String waitingFor,
        String endReason,
        int stepsRun,
        Instant enteredAt) {}
