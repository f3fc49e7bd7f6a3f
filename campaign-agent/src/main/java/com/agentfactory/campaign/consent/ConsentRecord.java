package com.agentfactory.campaign.consent;

import com.agentfactory.campaign.channel.Channel;
import java.time.Instant;
import java.util.UUID;

/** The latest consent a customer gave or withdrew on one channel. */
record ConsentRecord(
        UUID customerId, Channel channel, boolean granted, String source, String recordedBy, Instant recordedAt) {}
