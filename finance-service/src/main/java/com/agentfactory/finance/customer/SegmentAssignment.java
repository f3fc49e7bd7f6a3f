package com.agentfactory.finance.customer;

import java.math.BigDecimal;

/** A segment decision: the segment, how sure it is (0..1), its RFM scores (null without orders) and why. */
record SegmentAssignment(
        Segment segment, BigDecimal confidence, Integer recency, Integer frequency, Integer monetary, String reason) {}
