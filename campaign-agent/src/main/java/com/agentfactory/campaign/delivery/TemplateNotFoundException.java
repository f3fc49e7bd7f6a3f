package com.agentfactory.campaign.delivery;

import com.agentfactory.messaging.error.NotFoundException;

class TemplateNotFoundException extends NotFoundException {

    TemplateNotFoundException(String channel, String templateId) {
        super("No " + channel + " template '" + templateId + "'.");
    }
}
