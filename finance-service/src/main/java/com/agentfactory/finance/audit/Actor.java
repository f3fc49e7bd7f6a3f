package com.agentfactory.finance.audit;

/** Who is acting: a person (from X-User-Id), an agent, or both; either may be null. */
public record Actor(String user, String agent) {

    public static final Actor NOBODY = new Actor(null, null);

    public static Actor agent(String agent) {
        return new Actor(null, agent);
    }
}
