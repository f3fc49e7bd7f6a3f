package com.agentfactory.campaign.delivery;

import com.agentfactory.campaign.channel.Channel;
import com.agentfactory.campaign.consent.ContactPermissions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Records a hard bounce: the send as bounced and the customer suppressed on its channel, together or not at all. */
@Component
class HardBounces {

    private final Sends sends;
    private final ContactPermissions permissions;

    HardBounces(Sends sends, ContactPermissions permissions) {
        this.sends = sends;
        this.permissions = permissions;
    }

    @Transactional
    public void record(ClaimedSend send, Channel channel, String reply) {
        // the address bounced whoever holds the send now; only its status is left to the claim that holds it. The
        // customer's row is locked before the send's, in the order an erasure takes them
        permissions.hardBounced(send.customerId(), channel, reply);
        sends.bounce(send, reply);
    }
}
