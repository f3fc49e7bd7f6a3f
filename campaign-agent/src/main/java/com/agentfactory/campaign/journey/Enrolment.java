package com.agentfactory.campaign.journey;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One customer's place in one journey while a step runs: read under a row lock, changed by the engine, written
 * back in the same transaction as the sends its steps asked for.
 */
final class Enrolment {

    static final String ACTIVE = "active";
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";

    final UUID id;
    final UUID journeyId;
    final UUID customerId;
    final Map<String, Object> context;
    final Instant enteredAt;
    String status;
    String currentStep;
    Instant dueAt;
    String waitingFor;
    String waitNext;
    String endReason;
    int stepsRun;

    Enrolment(
            UUID id,
            UUID journeyId,
            UUID customerId,
            Map<String, Object> context,
            Instant enteredAt,
            String status,
            String currentStep,
            Instant dueAt,
            String waitingFor,
            String waitNext,
            String endReason,
            int stepsRun) {
        this.id = id;
        this.journeyId = journeyId;
        this.customerId = customerId;
        this.context = context;
        this.enteredAt = enteredAt;
        this.status = status;
        this.currentStep = currentStep;
        this.dueAt = dueAt;
        this.waitingFor = waitingFor;
        this.waitNext = waitNext;
        this.endReason = endReason;
        this.stepsRun = stepsRun;
    }

    EnrolmentResponse view() {
        return new EnrolmentResponse(
                id, journeyId, customerId, status, currentStep, dueAt, waitingFor, endReason, stepsRun, enteredAt);
    }
}
