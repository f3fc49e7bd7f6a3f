package com.agentfactory.ad.exchange;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * An exchange says a bid won: the bid's id, the campaign ({@code cid}) and creative ({@code crid}) from the bid,
 * and the clearing price (CPM). It is posted to the bid's {@code nurl}, whose token they must match.
 *
 * @param customerId the store customer the impression was shown to, when the exchange's user id is one
 */
record WinNotice(
        @NotBlank @Size(max = 64) String bidId,
        @NotNull UUID campaignId,
        @NotNull UUID creativeId,
        // as the price column keeps it: a finer price would be stored rounded, not as the exchange charged it
        @NotNull @DecimalMin("0.0") @Digits(integer = 10, fraction = 4)
        BigDecimal price,

        UUID customerId) {

    WinNotice {
        // 2.50000 is the price 2.5, however many zeros the exchange writes: only digits that count are bounded
        price = price == null ? null : price.stripTrailingZeros();
    }
}
