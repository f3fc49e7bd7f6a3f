package com.agentfactory.support.conversation;

import com.agentfactory.messaging.error.InvalidInputException;
import com.agentfactory.messaging.error.RuleViolationException;

/** Refuses messages no pipeline can use, before anything is stored or analysed. */
final class MessageValidator {

    private MessageValidator() {}

    /**
     * @param field the name of the text in the caller's input, for the error
     * @throws InvalidInputException for empty or too long text
     * @throws RuleViolationException for well-formed input that is not text (binary content)
     */
    static void validate(String field, String text, int maxChars) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of(field, "must not be empty");
        }
        if (text.length() > maxChars) {
            throw InvalidInputException.of(field, "must be at most " + maxChars + " characters");
        }
        if (!isText(text)) {
            throw RuleViolationException.of(field, "must be readable text, not binary content");
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
