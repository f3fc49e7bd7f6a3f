package com.agentfactory.support.transcript;

/** Where a bot reply came from: a template, the language model, or the hand-over notice when a person takes over. */
public enum ReplySource {
    TEMPLATE,
    LLM,
    HANDOVER
}
