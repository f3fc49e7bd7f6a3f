package com.agentfactory.ad.campaign;

import static com.agentfactory.messaging.time.YearRange.OPERATIONS_FIRST_YEAR;
import static com.agentfactory.messaging.time.YearRange.OPERATIONS_LAST_YEAR;

import com.agentfactory.messaging.time.WithinYears;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A new ad campaign, created as a draft. Budgets are in {@code currency}; a target is either a CPA (cost per
 * conversion) or a ROAS (revenue over spend), or neither. Without {@code startsAt} the campaign starts when it is
 * created; {@code endsAt} must come after the start, and both lie in the years 2000 to 2099.
 */
@Schema(
        example =
                "{\"name\": \"Christmas lights\", \"platform\": \"GOOGLE_ADS\", \"daily_budget\": 40.00, \"total_budget\": 600.00, \"currency\": \"GBP\", \"target_cpa\": 8.00, \"value_per_conversion\": 25.00, \"ad_groups\": [{\"name\": \"UK\", \"regions\": [\"GB\"], \"creatives\": [{\"name\": \"Warm glow\", \"width\": 300, \"height\": 250, \"landing_domain\": \"shop.example\"}]}]}")
public record CreateAdCampaignRequest(
        @NotBlank @Size(max = 200) String name,

        @NotNull
        @Pattern(regexp = AdPlatformName.PATTERN, message = "must be one of: GOOGLE_ADS, META, TIKTOK, LINKEDIN")
        String platform,

        @NotNull @DecimalMin("0.01") @Digits(integer = 9, fraction = 2)
        BigDecimal dailyBudget,

        @NotNull @DecimalMin("0.01") @Digits(integer = 9, fraction = 2)
        BigDecimal totalBudget,

        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
        String currency,

        @DecimalMin("0.01") @Digits(integer = 9, fraction = 2)
        BigDecimal targetCpa,

        @DecimalMin("0.01") @Digits(integer = 5, fraction = 4)
        BigDecimal targetRoas,

        @NotNull @DecimalMin("0.01") @Digits(integer = 9, fraction = 2)
        BigDecimal valuePerConversion,

        // a flight date outside these is a typo; far outside them it is one PostgreSQL cannot store
        @WithinYears(from = OPERATIONS_FIRST_YEAR, to = OPERATIONS_LAST_YEAR)
        Instant startsAt,

        @WithinYears(from = OPERATIONS_FIRST_YEAR, to = OPERATIONS_LAST_YEAR)
        Instant endsAt,

        @Size(max = 20) List<@NotNull @Valid AdGroupRequest> adGroups) {

    /**
     * @param regions the device geo regions (OpenRTB {@code device.geo.region}) it reaches; empty: everywhere
     */
    public record AdGroupRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 50) List<@NotBlank @Size(max = 16) String> regions,
            @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid CreativeRequest> creatives) {}

    public record CreativeRequest(
            @NotBlank @Size(max = 200) String name,

            @NotNull @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(4096)
            Integer width,

            @NotNull @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(4096)
            Integer height,

            @NotBlank @Size(max = 200) @Pattern(regexp = "[a-z0-9.-]+", message = "must be a domain name")
            String landingDomain) {}
}
