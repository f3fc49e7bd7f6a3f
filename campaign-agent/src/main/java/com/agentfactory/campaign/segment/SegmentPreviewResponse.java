package com.agentfactory.campaign.segment;

import java.util.List;
import java.util.UUID;

/** How many customers a rule matches now, with a few of their ids (in id order). */
record SegmentPreviewResponse(long count, List<UUID> sampleCustomerIds) {}
