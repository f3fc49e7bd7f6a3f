package com.agentfactory.campaign.inbound;

import java.util.Locale;
import java.util.Set;

/** What an inbound text asks for, by the keywords carriers and the regulators (CTIA, TCPA, PECR) recognise. */
enum SmsKeyword {
    OPT_OUT,
    OPT_IN,
    NONE;

    private static final Set<String> OPT_OUT_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");

    /** The text's keyword: the whole text, whatever its case and the space around it, is the word. */
    static SmsKeyword of(String text) {
        String word = text.strip().toUpperCase(Locale.ROOT);
        if (OPT_OUT_WORDS.contains(word)) {
            return OPT_OUT;
        }
        return word.equals("START") ? OPT_IN : NONE;
    }
}
