package com.agentfactory.support.transcript;

/** A customer message is RECEIVED, then PROCESSED or FAILED; replies are SENT when written. */
enum MessageStatus {
    RECEIVED,
    PROCESSED,
    FAILED,
    SENT
}
