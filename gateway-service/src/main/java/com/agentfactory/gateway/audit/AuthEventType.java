package com.agentfactory.gateway.audit;

public enum AuthEventType {
    REGISTERED,
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    /** The failure that crossed the limit; the account refuses sign-ins until the lockout ends. */
    ACCOUNT_LOCKED,
    /** A sign-in attempt during a lockout, refused before the password was checked. */
    LOGIN_REFUSED_LOCKED,
    TOKEN_REFRESHED,
    REFRESH_REJECTED,
    CLIENT_TOKEN_ISSUED,
    CLIENT_TOKEN_REFUSED,
    USER_CREATED,
    ROLE_CHANGED
}
