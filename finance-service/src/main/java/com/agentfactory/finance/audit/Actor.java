package com.agentfactory.finance.audit;

import com.agentfactory.messaging.identity.Caller;

/** Who the audit trail names for a change: a person, an agent, or both; either may be null. */
public record Actor(String user, String agent) {

    public static final Actor NOBODY = new Actor(null, null);

    public static Actor agent(String agent) {
        return new Actor(null, agent);
    }

    /** Whoever asked the supervisor for a task, by the name it recorded from their token. */
    public static Actor requester(String actorName) {
        return new Actor(Caller.userOf(actorName), Caller.agentOf(actorName));
    }

    /** The caller of a request as the gateway authenticated it. */
    public static Actor of(Caller caller) {
        return new Actor(caller.userId(), caller.agentId());
    }
}
