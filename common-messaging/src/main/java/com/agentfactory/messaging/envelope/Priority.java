package com.agentfactory.messaging.envelope;

/**
 * Task priority 1-10 and the bands that map it onto topics. Bands are consumed separately so a backlog
 * of low-priority work cannot sit in front of urgent tasks.
 */
public enum Priority {
    HIGH("high", 8),
    NORMAL("normal", 4),
    LOW("low", 1);

    public static final int MIN = 1;
    public static final int MAX = 10;
    public static final int DEFAULT = 5;

    private final String topicSuffix;
    private final int lowestPriority;

    Priority(String topicSuffix, int lowestPriority) {
        this.topicSuffix = topicSuffix;
        this.lowestPriority = lowestPriority;
    }

    public String topicSuffix() {
        return topicSuffix;
    }

    public static Priority bandOf(int priority) {
        if (priority < MIN || priority > MAX) {
            throw new IllegalArgumentException("priority must be between 1 and 10, was " + priority);
        }
        for (Priority band : values()) {
            if (priority >= band.lowestPriority) {
                return band;
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
