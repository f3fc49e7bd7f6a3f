package com.agentfactory.recommendation.recommendation;

/** What a merchandising rule does to its product in every list. */
enum BusinessRuleKind {
    /** Shown at a fixed position whenever it can be (in stock, not bought). */
    PIN,
    /** Score multiplied by the rule's factor before ranking. */
    BOOST,
    /** Never shown. */
    BLOCK
}
