package com.agentfactory.supervisor.privacy;

import java.time.Instant;
import org.springframework.data.relational.core.mapping.Table;

/** What one participant reported; kept in the request, keyed by participant. */
@Table("privacy_request_reports")
record ParticipantReport(long records, String failure, Instant reportedAt) {

    boolean failed() {
        return failure != null;
    }
}
