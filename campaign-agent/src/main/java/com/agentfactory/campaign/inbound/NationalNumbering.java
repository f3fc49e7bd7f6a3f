package com.agentfactory.campaign.inbound;

import com.agentfactory.messaging.commerce.CustomerUpserted;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How the store's country numbers its phones, so that a sender's number an SMS provider writes without its plus is
 * read as the number it is, or refused. Written out for the regions below, as no phone-number library is in the
 * build: each region's country calling code, its trunk prefix, and the shortest and longest of its national numbers
 * without that prefix.
 *
 * @param region the ISO 3166 code of the store's country
 */
record NationalNumbering(
        String region, String callingCode, String trunkPrefix, int shortestNational, int longestNational) {

    private static final Map<String, NationalNumbering> REGIONS = Stream.of(
                    new NationalNumbering("GB", "44", "0", 7, 10),
                    new NationalNumbering("IE", "353", "0", 7, 10),
                    new NationalNumbering("FR", "33", "0", 9, 9),
                    // German numbers run to 15 digits without their trunk 0: none without its plus is read as foreign
                    new NationalNumbering("DE", "49", "0", 4, 15),
                    new NationalNumbering("US", "1", "1", 10, 10),
                    new NationalNumbering("CA", "1", "1", 10, 10))
            .collect(Collectors.toUnmodifiableMap(NationalNumbering::region, Function.identity()));

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    // a North American number written without its plus has 10 digits; read as foreign, the US 2025550123 would be the
    // Egyptian +2025550123, so fewer digits are never taken as a foreign number, whatever the store's country
    private static final int SHORTEST_FOREIGN_WITHOUT_PLUS = 11;

    /** The numbering of the region; refused, naming those supported, when it is not one of them. */
    static NationalNumbering of(String region) {
        NationalNumbering numbering =
                region == null ? null : REGIONS.get(region.strip().toUpperCase());
        if (numbering == null) {
            throw new IllegalArgumentException("the store's region must be one of "
                    + REGIONS.keySet().stream().sorted().toList() + ", not " + region);
        }
        return numbering;
    }

    /**
     * The number as E.164 writes it, so a STOP finds the customers holding it; empty when it cannot be read as one
     * number for sure, as a guess could stop someone else's texts. Spaces, hyphens, dots and brackets are ignored.
     *
     * <ul>
     *   <li>With its plus, it is taken as written.
     *   <li>With the region's trunk prefix ({@code 07700 900123} in GB), it is a national number of the region.
     *   <li>Digits only, or after an international prefix {@code 00}, it is a foreign number without its plus
     *       ({@code 447700900123}) only when it has more digits than any national number of the region and at least
     *       11: a national number written without its trunk prefix looks just like a foreign one ({@code 7700900123}
     *       in GB is not {@code +7 700...}; the German mobile {@code 15123456789} is not {@code +1 512...}), so one
     *       that could be either is refused.
     * </ul>
     */
    Optional<String> international(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String number = SEPARATORS.matcher(written).replaceAll("");
        if (number.startsWith("+")) {
            return e164(number);
        }
        if (!DIGITS.matcher(number).matches()) {
            return Optional.empty();
        }
        if (number.startsWith("00")) {
            return foreign(number.substring(2));
        }
        if (number.startsWith(trunkPrefix)) {
            String national = number.substring(trunkPrefix.length());
            if (national.length() >= shortestNational
                    && national.length() <= longestNational
                    && !national.startsWith("0")) {
                return e164("+" + callingCode + national);
            }
        }
        return foreign(number);
    }

    /** What {@link #international} reads, for the reason a number is refused. */
    String readable() {
        return "a number with its plus, a national number of " + region + " with its trunk prefix " + trunkPrefix
                + ", or one of at least " + Math.max(SHORTEST_FOREIGN_WITHOUT_PLUS, longestNational + 1)
                + " digits with its country code";
    }

    private Optional<String> foreign(String digits) {
        if (digits.length() < SHORTEST_FOREIGN_WITHOUT_PLUS || digits.length() <= longestNational) {
            return Optional.empty();
        }
        return e164("+" + digits);
    }

    private static Optional<String> e164(String number) {
        return CustomerUpserted.isE164(number) ? Optional.of(number) : Optional.empty();
    }
}
