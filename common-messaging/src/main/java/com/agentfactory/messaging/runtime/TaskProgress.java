package com.agentfactory.messaging.runtime;

/** Lets a long-running handler report how far it has come (0-100). */
@FunctionalInterface
public interface TaskProgress {

    void report(int percent);

    TaskProgress NONE = percent -> {};
}
