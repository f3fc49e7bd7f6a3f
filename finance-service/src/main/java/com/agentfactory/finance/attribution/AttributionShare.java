package com.agentfactory.finance.attribution;

import java.math.BigDecimal;

/**
 * One touchpoint's credit for an order under one model. {@code touchpoint} is null (and the order 0) for
 * the single share of an unattributed order; {@code order} counts the window's touchpoints from 1, oldest first.
 */
record AttributionShare(
        Touchpoint touchpoint, int order, AttributionType type, BigDecimal percentage, BigDecimal amount) {}
