package com.agentfactory.campaign.segment;

import java.util.List;

/**
 * A segment rule as a SQL condition over the customer read model: the text holds only whitelisted column
 * names, operators and {@code ?} placeholders; every value the rule gave is in {@code parameters}.
 */
public record CompiledSegment(String condition, List<Object> parameters) {

    public CompiledSegment {
        parameters = List.copyOf(parameters);
    }
}
