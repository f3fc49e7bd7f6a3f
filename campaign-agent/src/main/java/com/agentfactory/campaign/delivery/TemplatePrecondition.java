package com.agentfactory.campaign.delivery;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a save asks of the stored template before replacing it (RFC 9110 conditional requests): nothing, that there
 * is none yet ({@code If-None-Match: *}), that there is one ({@code If-Match: *}) or that it is still one of the
 * versions named ({@code If-Match: "3"}). Without any a save replaces whatever is stored, as it did before versions.
 */
sealed interface TemplatePrecondition {

    Pattern OUR_TAG = Pattern.compile("\"(\\d{1,18})\"");

    record None() implements TemplatePrecondition {}

    record Absent() implements TemplatePrecondition {}

    record AnyVersion() implements TemplatePrecondition {}

    /** The versions the save was edited from; empty when none of the tags could be one of ours. */
    record OneOf(List<Long> versions) implements TemplatePrecondition {}

    static TemplatePrecondition of(String ifMatch, String ifNoneMatch) {
        if (ifMatch != null) {
            return ifMatch.trim().equals("*") ? new AnyVersion() : new OneOf(versions(ifMatch));
        }
        if (ifNoneMatch != null && ifNoneMatch.trim().equals("*")) {
            return new Absent();
        }
        return new None();
    }

    /** The strong entity tag of a version, as GET and PUT answer with. */
    static String entityTag(long version) {
        return "\"" + version + "\"";
    }

    // If-Match compares strongly: a weak tag (W/"3"), or one we never gave, matches no version
    private static List<Long> versions(String ifMatch) {
        return Arrays.stream(ifMatch.split(","))
                .map(String::trim)
                .map(OUR_TAG::matcher)
                .filter(Matcher::matches)
                .map(tag -> Long.parseLong(tag.group(1)))
                .toList();
    }
}
