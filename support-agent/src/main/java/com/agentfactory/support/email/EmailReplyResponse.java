package com.agentfactory.support.email;

import com.agentfactory.support.conversation.Reply;

/** The reply for the mail gateway to send: {@code subject} carries the reference that threads the next mail. */
record EmailReplyResponse(String to, String subject, String body, Reply details) {}
