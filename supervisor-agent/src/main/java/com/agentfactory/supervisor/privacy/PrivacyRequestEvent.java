package com.agentfactory.supervisor.privacy;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One line of a privacy request's audit trail. */
@Table("privacy_request_events")
record PrivacyRequestEvent(
        @Id Long id,
        UUID requestId,
        String event,
        String participant,
        String actor,
        String detail,
        Instant occurredAt) {

    static final String REQUESTED = "REQUESTED";
    static final String REPORTED = "REPORTED";
    static final String REPORT_FAILED = "REPORT_FAILED";
    static final String COMPLETED = "COMPLETED";
    static final String FAILED = "FAILED";
    static final String GIVEN_UP = "GIVEN_UP";
    static final String EXPORT_DOWNLOADED = "EXPORT_DOWNLOADED";

    static PrivacyRequestEvent of(
            UUID requestId, String event, String participant, String actor, String detail, Instant at) {
        return new PrivacyRequestEvent(null, requestId, event, participant, actor, detail, at);
    }
}
