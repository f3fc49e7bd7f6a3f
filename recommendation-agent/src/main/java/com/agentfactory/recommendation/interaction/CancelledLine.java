package com.agentfactory.recommendation.interaction;

import java.util.UUID;

/** A line of a cancellation kept until its order arrives: which line of the cancellation, the product, how many. */
record CancelledLine(int lineNo, UUID productId, int quantity) {}
