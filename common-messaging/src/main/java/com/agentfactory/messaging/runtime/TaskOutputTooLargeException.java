package com.agentfactory.messaging.runtime;

/** A handler's output whose COMPLETED report is larger than one Kafka record can carry. */
final class TaskOutputTooLargeException extends RuntimeException {

    TaskOutputTooLargeException(int reportBytes, int maxBytes) {
        super("the task's output makes a report of " + reportBytes + " bytes, more than one message can carry ("
                + maxBytes + "); its changes were rolled back: ask for less at a time");
    }
}
