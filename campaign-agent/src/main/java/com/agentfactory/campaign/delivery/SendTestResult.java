package com.agentfactory.campaign.delivery;

/** What a test send put on the wire: the recipient, the subject as sent (marked as a test) and its Message-ID. */
record SendTestResult(String to, String subject, String messageId) {}
