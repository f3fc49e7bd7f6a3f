package com.agentfactory.messaging.runtime;

import com.agentfactory.messaging.envelope.Priority;
import java.time.Duration;

/**
 * Gives higher bands first claim on the agent's CPU: a consumer of a lower band waits while a higher
 * band has tasks in hand. The wait is bounded so low-priority work is slowed, never starved, and a
 * waiting consumer never exceeds Kafka's poll interval.
 */
final class PriorityGate {

    private final int[] inFlight = new int[Priority.values().length];
    private final long maxWaitNanos;

    PriorityGate(Duration maxWait) {
        this.maxWaitNanos = maxWait.toNanos();
    }

    synchronized void enter(Priority band) throws InterruptedException {
        long deadline = System.nanoTime() + maxWaitNanos;
        while (higherBandBusy(band)) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            wait(Math.max(1, remaining / 1_000_000));
        }
        inFlight[band.ordinal()]++;
    }

    synchronized void exit(Priority band) {
        inFlight[band.ordinal()]--;
        notifyAll();
    }

    synchronized int inFlight() {
        int total = 0;
        for (int count : inFlight) {
            total += count;
        }
        return total;
    }

    private boolean higherBandBusy(Priority band) {
        for (int higher = 0; higher < band.ordinal(); higher++) {
            if (inFlight[higher] > 0) {
                return true;
            }
        }
        return false;
    }
}
