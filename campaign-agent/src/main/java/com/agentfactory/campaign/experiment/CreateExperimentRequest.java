package com.agentfactory.campaign.experiment;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * An experiment on a journey's split: the send step of the control branch and of each treatment branch, and the
 * primary metric (opened, clicked or converted). The statistical settings default to alpha 0.05, power 0.8, a
 * minimum detectable effect of one percentage point, and an mSPRT mixture of the same size.
 */
record CreateExperimentRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull UUID journeyId,
        @NotBlank @Size(max = 64) String controlStep,
        @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 64) String> treatmentSteps,

        @NotBlank @Pattern(regexp = "opened|clicked|converted", message = "must be one of: opened, clicked, converted")
        String metric,

        @DecimalMin(value = "0.0", inclusive = false) @DecimalMax(value = "0.5", inclusive = false)
        Double alpha,

        @DecimalMin(value = "0.5", inclusive = false) @DecimalMax(value = "1.0", inclusive = false)
        Double power,

        @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("1.0")
        Double mde,

        @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("1.0")
        Double tau) {}
