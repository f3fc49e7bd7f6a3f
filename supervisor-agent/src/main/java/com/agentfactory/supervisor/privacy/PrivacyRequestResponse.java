package com.agentfactory.supervisor.privacy;

import com.agentfactory.messaging.privacy.PrivacyAction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A privacy request's progress: each expected service and what it reported, and (for one request) its audit trail.
 *
 * @param overdue still waiting for a report after the time the platform allows
 */
record PrivacyRequestResponse(
        UUID id,
        UUID customerId,
        PrivacyAction action,
        PrivacyRequestStatus status,
        String requestedBy,
        Instant requestedAt,
        Instant completedAt,
        boolean overdue,
        List<ParticipantResponse> participants,
        List<HistoryEntry> history) {

    static PrivacyRequestResponse of(
            PrivacyRequest request, List<PrivacyRequestEvent> events, Instant now, Duration answerWithin) {
        var reports = request.reports();
        return new PrivacyRequestResponse(
                request.id(),
                request.customerId(),
                request.action(),
                request.status(),
                request.requestedBy(),
                request.requestedAt(),
                request.completedAt(),
                request.overdue(now, answerWithin),
                request.participants().stream()
                        .map(p -> ParticipantResponse.of(p, reports.get(p)))
                        .toList(),
                events.stream().map(HistoryEntry::of).toList());
    }

    /** {@code state} is PENDING until the service reports, then DONE or FAILED. */
    record ParticipantResponse(String participant, String state, Long records, String failure, Instant reportedAt) {

        static ParticipantResponse of(String participant, ParticipantReport report) {
            if (report == null) {
                return new ParticipantResponse(participant, "PENDING", null, null, null);
            }
            return new ParticipantResponse(
                    participant,
                    report.failed() ? "FAILED" : "DONE",
                    report.records(),
                    report.failure(),
                    report.reportedAt());
        }
    }

    record HistoryEntry(String event, String participant, String actor, String detail, Instant occurredAt) {

        static HistoryEntry of(PrivacyRequestEvent event) {
            return new HistoryEntry(
                    event.event(), event.participant(), event.actor(), event.detail(), event.occurredAt());
        }
    }
}
