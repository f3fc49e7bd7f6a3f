package com.agentfactory.support.knowledge;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the articles are and how retrieval ranks them.
 *
 * @param location resource pattern of the Markdown articles
 * @param candidates how many passages each of the two searches contributes to the fusion
 * @param rrfK the constant of reciprocal rank fusion (60 in the original paper): larger flattens rank differences
 * @param minSimilarity cosine similarity below which a passage is not taken as an answer to the question
 */
@Validated
@ConfigurationProperties("agentfactory.support.knowledge")
record KnowledgeProperties(
        @NotBlank String location,
        @Min(1) @Max(100) int candidates,
        @Min(1) @Max(1000) int rrfK,
        @DecimalMin("0.0") @DecimalMax("1.0") double minSimilarity) {}
