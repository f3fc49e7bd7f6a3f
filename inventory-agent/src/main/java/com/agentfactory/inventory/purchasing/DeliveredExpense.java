package com.agentfactory.inventory.purchasing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Spend finance is told of without a reservation: the delivered part of an order closed short. The same key books it
 * once however often it is sent.
 */
record DeliveredExpense(
        String key, BigDecimal amount, String currency, String purpose, String requestedBy, LocalDate spentOn) {}
