package com.agentfactory.supervisor.privacy;

import com.agentfactory.messaging.privacy.PersonalData;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The coordinator's own part: a customer's earlier requests are in their export; an erasure deletes the export
 * documents kept here. The requests and their audit trail stay, as the record that the customer's rights were
 * honoured; they name the customer only by an id no service can resolve any more.
 */
@Component
class PrivacyRecords implements PersonalDataHolder {

    private final PrivacyService privacy;

    PrivacyRecords(PrivacyService privacy) {
        this.privacy = privacy;
    }

    @Override
    public PersonalData export(UUID customerId) {
        return PersonalData.of(
                "privacy_requests",
                privacy.requestsOf(customerId).stream().map(PrivacyRecords::row).toList());
    }

    @Override
    public long erase(UUID customerId) {
        return privacy.eraseExportsOf(customerId);
    }

    private static Map<String, Object> row(PrivacyRequest request) {
        var row = new LinkedHashMap<String, Object>();
        row.put("id", request.id());
        row.put("action", request.action().name());
        row.put("status", request.status().name());
        row.put("requested_at", request.requestedAt());
        row.put("completed_at", request.completedAt());
        return row;
    }
}
