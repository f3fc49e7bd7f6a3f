package com.agentfactory.support.understanding;

/** The language pipeline's entry point: one call per customer message. */
public interface MessageAnalyzer {

    MessageUnderstanding analyze(String text);
}
