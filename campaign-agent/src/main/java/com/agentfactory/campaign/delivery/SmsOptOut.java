package com.agentfactory.campaign.delivery;

import java.util.regex.Pattern;

/**
 * How to stop texts, at the end of every marketing text: carriers and the law (TCPA, PECR) want each one to say it,
 * whatever its template says, so it is added when the text is sent rather than left to each template's author.
 */
final class SmsOptOut {

    static final String INSTRUCTION = "Reply STOP to opt out";

    // a template that already tells the reader to send STOP says how to stop; saying it twice only costs characters
    private static final Pattern SAYS_HOW_TO_STOP = Pattern.compile("\\b(?i:reply|text|send)\\s+STOP\\b");

    private SmsOptOut() {}

    static String appendTo(String text) {
        if (SAYS_HOW_TO_STOP.matcher(text).find()) {
            return text;
        }
        String body = text.strip();
        return body.isEmpty() ? INSTRUCTION : body + " " + INSTRUCTION;
    }
}
