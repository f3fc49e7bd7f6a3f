package com.agentfactory.campaign.customer;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a customer paid in one currency: the sum of their orders in it net of cancellations, how many of those orders
 * stand (not wholly cancelled), and when the latest of them was placed (null when none stands).
 */
public record CurrencySpend(String currency, BigDecimal amount, long orders, Instant lastOrderAt) {}
