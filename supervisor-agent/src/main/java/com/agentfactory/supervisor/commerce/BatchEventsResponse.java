package com.agentfactory.supervisor.commerce;

import java.util.List;

record BatchEventsResponse(long accepted, long duplicates, List<EventResult> results) {

    static BatchEventsResponse of(List<EventResult> results) {
        long accepted = results.stream()
                .filter(r -> r.status() == EventResult.Status.ACCEPTED)
                .count();
        return new BatchEventsResponse(accepted, results.size() - accepted, results);
    }
}
