package com.agentfactory.campaign.delivery;

import com.agentfactory.campaign.channel.Channel;
import com.agentfactory.campaign.consent.ContactPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a hard bounce: the send as bounced and, when the refused address is still the customer's, the customer
 * suppressed on its channel, together or not at all.
 */
@Component
class HardBounces {

    private static final Logger log = LoggerFactory.getLogger(HardBounces.class);

    private final Sends sends;
    private final ContactPermissions permissions;

    HardBounces(Sends sends, ContactPermissions permissions) {
        this.sends = sends;
        this.permissions = permissions;
    }

    @Transactional
    public void record(ClaimedSend send, Channel channel, String address, String reply) {
        // the address bounced whoever holds the send now; only its status is left to the claim that holds it. The
        // customer's row is locked before the send's, in the order an erasure takes them
        if (!permissions.hardBounced(send.customerId(), channel, address, reply)) {
            log.info(
                    "Send {} bounced at an address its customer no longer has (or who is no longer known);"
                            + " nobody suppressed",
                    send.id());
        }
        sends.bounce(send, reply);
    }
}
