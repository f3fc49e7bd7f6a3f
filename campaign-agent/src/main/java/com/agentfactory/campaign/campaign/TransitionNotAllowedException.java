package com.agentfactory.campaign.campaign;

import com.agentfactory.messaging.error.ConflictException;
import java.util.List;

/** A lifecycle change the state machine forbids; says which changes it would allow from where the campaign is. */
public class TransitionNotAllowedException extends ConflictException {

    private final List<String> allowedStates;

    TransitionNotAllowedException(String from, String to, List<String> allowedStates) {
        super("A campaign in " + from + " cannot move to " + to + "; allowed from " + from + ": "
                + (allowedStates.isEmpty() ? "none (final state)" : String.join(", ", allowedStates)) + ".");
        this.allowedStates = List.copyOf(allowedStates);
    }

    public List<String> allowedStates() {
        return allowedStates;
    }
}
