package com.agentfactory.campaign.inbound;

/**
 * What became of an inbound text: {@code opted_out} (the customers holding the number no longer get texts),
 * {@code opted_out_every_reading} (an opt-out from a number that reads as several mobile numbers: the customers holding
 * any of them no longer get texts),
 * {@code unknown_number} (an opt-out from a number no customer holds), {@code start_not_acted_on} (texting again needs
 * the customer's own consent), {@code not_a_keyword}, {@code unreadable} (a signed body that is not an inbound text:
 * not acted on, and logged), or {@code already_received} (the provider delivered the message before, and it was acted
 * on or found unreadable then).
 */
record InboundSmsResponse(String messageId, String outcome) {}
