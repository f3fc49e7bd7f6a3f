package com.agentfactory.ad.exchange;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * A conversion after a click on a won impression; without a value the campaign's value per conversion counts. Its
 * customer is ignored: the touchpoint names the customer the bid was made for, or none (see {@link Deliveries}).
 */
record ConversionNotice(
        @NotBlank @Size(max = 64) String bidId,

        @DecimalMin("0.00") @Digits(integer = 9, fraction = 2)
        BigDecimal value,

        UUID customerId) {}
