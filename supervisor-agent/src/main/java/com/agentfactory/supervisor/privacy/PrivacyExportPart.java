package com.agentfactory.supervisor.privacy;

import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** One participant's exported records (JSON text), kept apart from the request so its state stays small to save. */
@Table("privacy_export_parts")
record PrivacyExportPart(
        @Id UUID id,
        UUID requestId,
        String participant,
        String data,
        @Version Long version) {

    static PrivacyExportPart of(UUID requestId, String participant, String data) {
        return new PrivacyExportPart(UUID.randomUUID(), requestId, participant, data, null);
    }
}
