package com.agentfactory.supervisor.privacy;

/** A privacy request waits for every participant; it fails when one reported that it could not do its part. */
enum PrivacyRequestStatus {
    IN_PROGRESS,
    COMPLETED,
    FAILED
}
