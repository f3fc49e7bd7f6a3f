package com.agentfactory.support.conversation;

/** Where a message came from; each names its text field in its own input, so an error can point at it. */
public enum Channel {
    CHAT("text"),
    EMAIL("body"),
    TASK("message");

    private final String textField;

    Channel(String textField) {
        this.textField = textField;
    }

    String textField() {
        return textField;
    }
}
