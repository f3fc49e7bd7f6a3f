package com.agentfactory.messaging.runtime;

import tools.jackson.databind.JsonNode;

/**
 * Handles one task type of an agent. The runtime calls it inside the transaction that records the
 * task as handled, so database effects made through the same DataSource happen exactly once. Throw
 * {@link NonRetryableTaskException} for input that can never succeed; any other exception is retried.
 */
public interface AgentTaskHandler {

    String taskType();

    /** The task's output, stored by the supervisor and returned to whoever asked. */
    JsonNode handle(AgentTask task, TaskProgress progress) throws Exception;
}
