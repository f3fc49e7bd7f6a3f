package com.agentfactory.ad.simulation;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * A comparison of bidding policies on one source (see {@code GET /api/v1/ads/simulations/sources}). The log is
 * replayed in episodes of {@code episode_auctions} auctions, each with budget B = {@code budget_ratio} x
 * {@code episode_auctions} x the training period's cost per impression.
 *
 * @param seed draws the synthetic market (42 when left out); a logged source is the same whatever the seed
 */
@Schema(
        example =
                "{\"source\": \"synthetic\", \"policies\": [\"lin\", \"rlb\"], \"episode_auctions\": 1000, \"budget_ratio\": 0.03125, \"seed\": 42}")
record CreateSimulationRequest(
        @NotBlank
        @Size(min = 1, max = 40)
        @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be a source name such as synthetic")
        String source,

        @ArraySchema(schema = @Schema(allowableValues = {"lin", "rlb"})) @NotNull @Size(min = 1, max = 3)
        List<@NotNull @Pattern(regexp = "lin|rlb|dqn", message = "must be one of: lin, rlb") String> policies,

        @NotNull @Min(100) @Max(100_000) Integer episodeAuctions,

        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Digits(integer = 1, fraction = 12)
        BigDecimal budgetRatio,

        Long seed) {

    static final long DEFAULT_SEED = 42;
}
