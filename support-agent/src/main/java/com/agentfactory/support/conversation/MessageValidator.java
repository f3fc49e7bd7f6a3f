package com.agentfactory.support.conversation;

/** Refuses messages no pipeline can use, before anything is stored or analysed. */
final class MessageValidator {

    private MessageValidator() {}

    static void validate(String text, int maxChars) {
        if (text == null || text.isBlank()) {
            throw new InvalidMessageException("text", "must not be empty", false);
        }
        if (text.length() > maxChars) {
            throw new InvalidMessageException("text", "must be at most " + maxChars + " characters", false);
        }
        if (!isText(text)) {
            throw new InvalidMessageException("text", "must be readable text, not binary content", true);
        }
    }

    // NUL, other control characters, replacement characters and lone surrogates are what binary data decoded
    // as text looks like; code points, so that emoji (surrogate pairs) count as text
    static boolean isText(String text) {
        return text.codePoints()
                .noneMatch(c -> c == 0xFFFD
                        || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
                        || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE));
    }
}
