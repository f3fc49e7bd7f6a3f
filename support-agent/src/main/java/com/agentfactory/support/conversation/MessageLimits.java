package com.agentfactory.support.conversation;

/**
 * The bounds every channel's input declares on a message, so the chat API and the tasks accept the same. The
 * text bound only stops absurd input early; the configured {@code max-message-chars} is the real limit.
 */
public final class MessageLimits {

    public static final int MAX_TEXT_CHARS = 100_000;
    public static final int MAX_ORDER_NUMBER_CHARS = 64;
    public static final int MAX_EMAIL_CHARS = 320;

    private MessageLimits() {}
}
