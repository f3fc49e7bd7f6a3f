package com.agentfactory.campaign.inbound;

import com.agentfactory.messaging.commerce.CustomerUpserted;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the store's country numbers its phones, so that a sender's number an SMS provider writes without its plus is
 * read as the number it is, or refused; the numbering plans are libphonenumber's.
 *
 * @param region the ISO 3166 code of the store's country
 */
record NationalNumbering(String region) {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    // a text comes from a mobile; where the plan cannot tell mobiles from fixed lines (North America), either
    private static final Set<PhoneNumberType> TEXTING =
            Set.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE);

    /** The numbering of the region; refused when libphonenumber knows no such region. */
    static NationalNumbering of(String region) {
        String code = region == null ? "" : region.strip().toUpperCase(Locale.ROOT);
        if (!PHONES.getSupportedRegions().contains(code)) {
            throw new IllegalArgumentException(
                    "the store's region must be an ISO 3166 country code with a numbering plan, such as GB, not "
                            + region);
        }
        return new NationalNumbering(code);
    }

    /**
     * The number as E.164 writes it, so a STOP finds the customers holding it; empty when it cannot be read as one
     * number for sure, as a guess could stop someone else's texts. Spaces, hyphens, dots and brackets are ignored.
     *
     * <ul>
     *   <li>With its plus, it is taken as written.
     *   <li>Otherwise it is read both as dialled in the store's country (a national number with or without its trunk
     *       prefix, or one after the country's international prefix) and as a foreign number written without its
     *       plus; each reading counts only when it is a valid mobile number. One reading is the number; two different
     *       ones are refused: the German mobile {@code 15123456789} written without its trunk 0 is also the American
     *       {@code +1 512 345 6789}.
     * </ul>
     */
    Optional<String> international(String written) {
        Set<String> readings = readings(written);
        return readings.size() == 1 ? readings.stream().findFirst() : Optional.empty();
    }

    /**
     * Every number the written one can be, as E.164 writes them, read as {@link #international} reads it: the number
     * itself when written with its plus, otherwise each reading that is a valid mobile number; none when it is no
     * phone number at all. More than one is a number {@code international} refuses as ambiguous.
     */
    Set<String> readings(String written) {
        if (written == null) {
            return Set.of();
        }
        String number = SEPARATORS.matcher(written).replaceAll("");
        if (number.startsWith("+")) {
            return CustomerUpserted.isE164(number) ? Set.of(number) : Set.of();
        }
        if (!DIGITS.matcher(number).matches()) {
            return Set.of();
        }
        Set<String> readings = new LinkedHashSet<>();
        texting(number, region).ifPresent(readings::add);
        texting("+" + number, "ZZ").ifPresent(readings::add);
        return readings;
    }

    /** What {@link #international} reads, for the reason a number is refused. */
    String readable() {
        return "a number with its plus, or a mobile number of " + region
                + " or of another country with its country code, that reads as one number only";
    }

    private static Optional<String> texting(String number, String region) {
        try {
            PhoneNumber parsed = PHONES.parse(number, region);
            if (PHONES.isValidNumber(parsed) && TEXTING.contains(PHONES.getNumberType(parsed))) {
                return Optional.of(PHONES.format(parsed, PhoneNumberFormat.E164));
            }
        } catch (NumberParseException notANumber) {
            // not a number in this reading: the other may still be one
        }
        return Optional.empty();
    }
}
