package com.agentfactory.campaign.segment;

import com.agentfactory.messaging.error.ConflictException;

class SegmentNameTakenException extends ConflictException {

    SegmentNameTakenException(String name) {
        super("A segment named '" + name + "' already exists.");
    }
}
