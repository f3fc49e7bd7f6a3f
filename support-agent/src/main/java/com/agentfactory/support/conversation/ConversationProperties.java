package com.agentfactory.support.conversation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxMessageChars longer messages are refused: nobody writes support questions that long, and the
 *     language models cost time in proportion to length
 * @param passages how many passages are retrieved per message
 */
@Validated
@ConfigurationProperties("agentfactory.support.conversation")
record ConversationProperties(
        @Min(1) @Max(100_000) int maxMessageChars,
        @Min(1) @Max(10) int passages) {}
