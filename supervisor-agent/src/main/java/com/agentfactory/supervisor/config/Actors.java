package com.agentfactory.supervisor.config;

/**
 * Who is acting: the gateway puts the authenticated user's id in {@link #USER_HEADER}; calls that reach
 * the supervisor without it (services inside the cluster, tests) act as "anonymous".
 */
public final class Actors {

    public static final String USER_HEADER = "X-User-Id";

    private Actors() {}

    public static String of(String userHeader) {
        return userHeader == null || userHeader.isBlank() ? "anonymous" : userHeader.trim();
    }
}
