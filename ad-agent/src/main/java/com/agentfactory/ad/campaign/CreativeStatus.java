package com.agentfactory.ad.campaign;

/** Whether a creative may be served; only ACTIVE creatives take part in the rotation. */
public enum CreativeStatus {
    ACTIVE,
    PAUSED,
    REJECTED;

    static final String PATTERN = "ACTIVE|PAUSED|REJECTED";
}
