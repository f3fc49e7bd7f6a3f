package com.agentfactory.recommendation.catalog;

import java.math.BigDecimal;
import java.util.UUID;

record ProductMarginResponse(UUID productId, BigDecimal price, BigDecimal margin, String currency) {}
