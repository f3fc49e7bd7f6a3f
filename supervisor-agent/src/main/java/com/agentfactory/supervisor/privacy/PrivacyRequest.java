package com.agentfactory.supervisor.privacy;

import com.agentfactory.messaging.privacy.PrivacyAction;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A customer's export or erasure request and the reports of the services that must answer it. The request owns its
 * state: it is complete when every expected participant has reported, failed when one of them could not do its part.
 */
@Table("privacy_requests")
class PrivacyRequest {

    @Id
    private final UUID id;

    private final UUID customerId;
    private final PrivacyAction action;
    private PrivacyRequestStatus status;
    private final List<String> participants;
    private final String requestedBy;
    private final Instant requestedAt;
    private Instant completedAt;

    @Version
    private Long version;

    @MappedCollection(idColumn = "privacy_request", keyColumn = "participant")
    private final Map<String, ParticipantReport> reports;

    @PersistenceCreator
    PrivacyRequest(
            UUID id,
            UUID customerId,
            PrivacyAction action,
            PrivacyRequestStatus status,
            List<String> participants,
            String requestedBy,
            Instant requestedAt,
            Instant completedAt,
            Long version,
            Map<String, ParticipantReport> reports) {
        this.id = id;
        this.customerId = customerId;
        this.action = action;
        this.status = status;
        this.participants = List.copyOf(participants);
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.completedAt = completedAt;
        this.version = version;
        this.reports = new HashMap<>(reports == null ? Map.of() : reports);
    }

    static PrivacyRequest open(
            UUID customerId, PrivacyAction action, List<String> participants, String requestedBy, Instant now) {
        return new PrivacyRequest(
                UUID.randomUUID(),
                customerId,
                action,
                PrivacyRequestStatus.IN_PROGRESS,
                participants,
                requestedBy,
                now,
                null,
                null,
                Map.of());
    }

    boolean expects(String participant) {
        return participants.contains(participant);
    }

    boolean hasReportFrom(String participant) {
        return reports.containsKey(participant);
    }

    /**
     * Records a participant's report; the request completes (or fails) with the last one expected.
     *
     * @return true when this report finished the request
     */
    boolean report(String participant, ParticipantReport report) {
        if (!expects(participant) || hasReportFrom(participant)) {
            throw new IllegalStateException("no report expected from " + participant + " for request " + id);
        }
        reports.put(participant, report);
        if (!reports.keySet().containsAll(participants)) {
            return false;
        }
        status = reports.values().stream().anyMatch(ParticipantReport::failed)
                ? PrivacyRequestStatus.FAILED
                : PrivacyRequestStatus.COMPLETED;
        completedAt = report.reportedAt();
        return true;
    }

    /**
     * Fails the request on behalf of every participant that has not answered, so that the customer may ask again. A
     * participant that answers later finds its report already recorded and is ignored.
     *
     * @return the participants failed this way
     */
    List<String> giveUp(String failure, Instant now) {
        List<String> silent = awaiting();
        silent.forEach(participant -> report(participant, new ParticipantReport(0, failure, now)));
        return silent;
    }

    boolean overdue(Instant now, Duration answerWithin) {
        return status == PrivacyRequestStatus.IN_PROGRESS
                && requestedAt.plus(answerWithin).isBefore(now);
    }

    List<String> awaiting() {
        return participants.stream().filter(p -> !reports.containsKey(p)).toList();
    }

    UUID id() {
        return id;
    }

    UUID customerId() {
        return customerId;
    }

    PrivacyAction action() {
        return action;
    }

    PrivacyRequestStatus status() {
        return status;
    }

    List<String> participants() {
        return participants;
    }

    String requestedBy() {
        return requestedBy;
    }

    Instant requestedAt() {
        return requestedAt;
    }

    Instant completedAt() {
        return completedAt;
    }

    Map<String, ParticipantReport> reports() {
        return Map.copyOf(reports);
    }
}
