package com.agentfactory.campaign.inbound;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What an inbound text asks for, by the keywords carriers and the regulators (CTIA, TCPA, PECR) recognise. */
enum SmsKeyword {
    OPT_OUT,
    OPT_IN,
    NONE;

    // the carriers' (CTIA) words and those the FCC's 2024 revocation rule names (47 CFR 64.1200(a)(10)): a reply of
    // any of them revokes consent, OPT OUT the one of two words
    private static final Set<String> OPT_OUT_WORDS =
            Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT", "OPT OUT");

    // phones and keyboards join the two words of OPT OUT with a hyphen, an en or em dash (autocorrect) or an underscore
    // as often as with a space, and the customer has asked the same
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Pd}_]+", Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * The text's keyword: the whole text is the word, whatever its case and whatever is not a letter around it. Phones
     * add a full stop, an exclamation mark or an emoji to "Stop", and the customer has still asked to stop; a word
     * more ("STOP IT") is a sentence, not the keyword, as carriers read it. "Opt  out" typed with two spaces or
     * across a line break, "Opt-out", "opt_out" and "Opt–out" are all still OPT OUT.
     */
    static SmsKeyword of(String text) {
        String word = word(text);
        if (OPT_OUT_WORDS.contains(word)) {
            return OPT_OUT;
        }
        return word.equals("START") ? OPT_IN : NONE;
    }

    /**
     * The text without what is not a letter at its start and end, each run of spaces, dashes and underscores within
     * it one space, in upper case: what is compared with a keyword.
     */
    static String word(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && !Character.isLetter(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && !Character.isLetter(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return SEPARATORS.matcher(text.substring(start, end)).replaceAll(" ").toUpperCase(Locale.ROOT);
    }
}
