package com.agentfactory.ad.exchange;

/** What a win, click or conversion notice did: recorded now, or found recorded before (a repeated notice). */
record DeliveryOutcome(String bidId, boolean recorded, String detail) {}
