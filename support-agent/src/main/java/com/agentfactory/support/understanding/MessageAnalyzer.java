package com.agentfactory.support.understanding;

/** The language pipeline's entry point: one call per customer message. */
public interface MessageAnalyzer {

    MessageUnderstanding analyze(String text);

    /** The intent model's out-of-scope threshold: a top intent below this confidence is not trusted. */
    double outOfScopeThreshold();
}
