package com.agentfactory.supervisor.task;

import java.time.Instant;

/** Filters and paging of the task list; pages count from 1. */
record TaskQuery(
        TaskStatus status,
        String taskType,
        String agentType,
        Instant createdFrom,
        Instant createdTo,
        int page,
        int limit) {

    int offset() {
        return (page - 1) * limit;
    }
}
