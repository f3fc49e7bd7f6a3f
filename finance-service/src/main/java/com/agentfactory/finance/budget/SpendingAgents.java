package com.agentfactory.finance.budget;

import com.agentfactory.messaging.identity.Caller;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who an expense is booked under. An agent's spend is booked under its agent type, the name its touchpoints give it,
 * so that return on spend per agent sets the revenue attributed to the agent against what it spent, in one row. The
 * agent is known from its verified service token (its client id), never from a field of the request, which names
 * who asked and could name anyone; a person's reservation is booked under the {@code requested_by} they give.
 *
 * @param clientAgents the agent type each service client acts as; a client not listed is booked under its client id
 */
@Validated
@ConfigurationProperties("agentfactory.finance.spending-agents")
record SpendingAgents(
        @NotNull
        Map<
                        String,
                        @Pattern(
                                regexp = "[a-z][a-z0-9-]{0,48}",
                                message = "must be an agent type: lower-case letters, digits, '-'")
                        String>
                clientAgents) {

    SpendingAgents {
        clientAgents = clientAgents == null ? Map.of() : Map.copyOf(clientAgents);
    }

    /** The agent the spend of this caller is booked under, or {@code requestedBy} when no agent's token asked. */
    String bookedUnder(Caller caller, String requestedBy) {
        if (caller == null || caller.agentId() == null) {
            return requestedBy;
        }
        return clientAgents.getOrDefault(caller.agentId(), caller.agentId());
    }
}
