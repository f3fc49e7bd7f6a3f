package com.agentfactory.ad.campaign;

/** The ad platforms a campaign runs on. */
public enum AdPlatformName {
    GOOGLE_ADS,
    META,
    TIKTOK,
    LINKEDIN;

    static final String PATTERN = "GOOGLE_ADS|META|TIKTOK|LINKEDIN";
}
