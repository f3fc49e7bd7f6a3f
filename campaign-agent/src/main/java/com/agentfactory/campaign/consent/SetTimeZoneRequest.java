package com.agentfactory.campaign.consent;

import jakarta.validation.constraints.Size;

/** The customer's time zone for quiet hours, an IANA name (Europe/London); null goes back to the store's zone. */
record SetTimeZoneRequest(@Size(max = 64) String timeZone) {}
