package com.agentfactory.campaign.consent;

/** Why a customer may not be contacted: a short code skips are counted by, and the full reason stored with the send. */
public record ContactRefusal(String code, String reason) {}
