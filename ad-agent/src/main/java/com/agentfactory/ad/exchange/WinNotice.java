package com.agentfactory.ad.exchange;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/**
 * An exchange says a bid won: the bid's id, the campaign ({@code cid}) and creative ({@code crid}) from the bid,
 * and the clearing price (CPM). It is posted to the bid's {@code nurl}, whose token they must match.
 *
 * <p>It names no customer: the impression is recorded for the customer the bid request named, as the token signed
 * it. A {@code customer_id} the notice still carries, as it once did, is ignored rather than refused: the exchange
 * bills a win it notified whatever else the notice says, so refusing one would leave a billed impression unrecorded,
 * and taking it would let the exchange pin the impression's clicks and conversions, and the orders attributed to the
 * ad channel with them, on a customer of its choosing.
 */
@JsonIgnoreProperties("customer_id")
record WinNotice(
        @NotBlank @Size(max = 64) String bidId,
        @NotNull UUID campaignId,
        @NotNull UUID creativeId,

        @NotNull @DecimalMin("0.0") @Digits(integer = 10, fraction = 4)
        BigDecimal price) {

    /** Decimals of a CPM the price column keeps. */
    static final int PRICE_SCALE = 4;

    WinNotice {
        // the exchange has charged this price whatever its precision, so a finer one is kept rounded up, never
        // refused (the win would go unrecorded while billed) nor rounded down (spend would be understated); a price
        // too large for the column is left as sent for validation to refuse, rather than widened digit by digit
        if (price != null && price.scale() > PRICE_SCALE && price.precision() - price.scale() <= 10) {
            price = price.setScale(PRICE_SCALE, RoundingMode.UP);
        }
    }
}
