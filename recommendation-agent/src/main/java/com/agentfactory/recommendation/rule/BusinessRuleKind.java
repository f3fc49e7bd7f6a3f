package com.agentfactory.recommendation.rule;

/** What a merchandising rule does to its product in every list. */
public enum BusinessRuleKind {
    /** Shown at a fixed position whenever it can be (in stock, not bought). */
    PIN,
    /** Score multiplied by the rule's factor before ranking. */
    BOOST,
    /** Never shown. */
    BLOCK
}
