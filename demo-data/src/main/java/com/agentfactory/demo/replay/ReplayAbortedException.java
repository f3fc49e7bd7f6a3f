package com.agentfactory.demo.replay;

/** Sending more batches is pointless: the platform is unreachable or refuses our credentials. */
public class ReplayAbortedException extends Exception {

    public ReplayAbortedException(String message) {
        super(message);
    }
}
