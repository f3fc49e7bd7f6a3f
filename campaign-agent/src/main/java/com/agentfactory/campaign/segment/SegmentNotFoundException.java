package com.agentfactory.campaign.segment;

import com.agentfactory.messaging.error.NotFoundException;
import java.util.UUID;

class SegmentNotFoundException extends NotFoundException {

    SegmentNotFoundException(UUID id) {
        super("Segment " + id + " not found.");
    }
}
