package com.agentfactory.support.conversation;

public enum Channel {
    CHAT,
    EMAIL,
    TASK
}
