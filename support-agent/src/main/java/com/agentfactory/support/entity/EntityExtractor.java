package com.agentfactory.support.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule- and gazetteer-based entity extraction. The entities a shop cares about are mostly formatted identifiers,
 * amounts and dates, which patterns find more reliably than a statistical NER model (none of the maintained Java
 * NER models knows order or invoice numbers); names of people and places come from gazetteers plus context cues.
 * Earlier rules win: a span claimed by an e-mail address is not also read as an order number.
 */
public final class EntityExtractor {

    public static final String ORDER_NUMBER = "order_number";
    public static final String INVOICE_NUMBER = "invoice_number";
    public static final String PRODUCT_ID = "product_id";
    public static final String AMOUNT = "amount";
    public static final String DATE = "date";
    public static final String EMAIL = "email";
    public static final String PERSON = "person";
    public static final String CITY = "city";
    public static final String COUNTRY = "country";
    public static final String ACCOUNT_TYPE = "account_type";

    private static final Pattern EMAIL_PATTERN =
            Pattern.compile("(?<![\\w.+-])[\\w.+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");

    private static final String NUMBER = "\\d{1,3}(?:[,.' ]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?";
    private static final String CURRENCY_WORD =
            "usd|eur|gbp|chf|jpy|cad|aud|sek|nok|dkk|pln|dollars?|bucks|euros?|pounds?|francs?|yen";
    private static final Pattern AMOUNT_SYMBOL_FIRST =
            Pattern.compile("(?<sym>[$€£¥]|(?i:usd|eur|gbp|chf)\\s?)\\s?(?<num>" + NUMBER + ")(?!\\d)");
    private static final Pattern AMOUNT_NUMBER_FIRST =
            Pattern.compile("(?<![\\w.,])(?<num>" + NUMBER + ")\\s?(?<sym>[$€£¥]|(?i:" + CURRENCY_WORD + ")\\b)");

    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern NUMERIC_DATE = Pattern.compile("\\b(\\d{1,2})[./](\\d{1,2})[./](\\d{4}|\\d{2})\\b");
    private static final String MONTHS =
            "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
                    + "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + MONTHS + ")\\.?(?:,?\\s+(\\d{4}))?\\b");
    private static final Pattern MONTH_DAY =
            Pattern.compile("(?i)\\b(" + MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b");
    private static final Pattern RELATIVE_DATE = Pattern.compile("(?i)\\b(today|yesterday|tomorrow)\\b");

    /** An identifier: optional '#', optional letter prefix, digits; at least four digits in all. */
    private static final Pattern IDENTIFIER =
            Pattern.compile("(?<![\\w#])#?(?:[A-Za-z]{1,5}-?)?\\d[\\d-]{3,}[A-Za-z0-9]*(?![\\w])");

    /** "order12345": the keyword glued to the number, a common typing slip. */
    private static final Pattern GLUED_IDENTIFIER =
            Pattern.compile("(?i)(?<![\\p{L}])(order|purchase|invoice|bill)(#?\\d{4,})(?![\\w])");

    private static final Pattern INVOICE_CUE = Pattern.compile(
            "(?i)(?<![\\p{L}])(invo\\w*|bill\\w*|receipt\\w*|rechnung\\w*|factur\\w*|fattur\\w*)\\W*(?:\\w+\\W+){0,2}$");
    private static final Pattern PRODUCT_CUE = Pattern.compile(
            "(?i)(?<![\\p{L}])(product|item|article|artikel|sku|model|part|produit|producto|prodotto)\\w*\\W*(?:\\w+\\W+){0,2}$");
    private static final Pattern ORDER_CUE = Pattern.compile(
            "(?i)(?<![\\p{L}])(ord\\w*|oder\\w*|pu\\w*ch\\w*s\\w*|bestell\\w*|commande\\w*|pedido\\w*|ordine\\w*|tracking)"
                    + "\\W*(?:\\w+\\W+){0,2}$");

    private static final Pattern ACCOUNT_TYPE_PATTERN = Pattern.compile(
            "(?i)\\b(freemium|free|pro|premium|standard|gold|platinum|basic|business|plus)(\\s*)(\\p{L}+)");
    private static final Set<String> ACCOUNT_WORDS = Set.of("profile", "plan", "membership", "subscription", "tier");

    private static final Pattern TITLED_PERSON =
            Pattern.compile("\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Herr|Frau|Mme|Mlle|Sr|Sra|Sig|Sig\\.ra)\\.?\\s+"
                    + "\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+)?");
    private static final Pattern NAME_CUE = Pattern.compile(
            "(?i:my name is|name:|ich heiße|je m'appelle|me llamo|mi chiamo|regards,?|thanks,?|cheers,?|sincerely,?)"
                    + "\\s+(\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+){0,2})");
    private static final Pattern CAPITALISED_PAIR =
            Pattern.compile("\\b(\\p{Lu}[\\p{Ll}'-]+)\\s+(\\p{Lu}[\\p{Ll}'-]+)\\b");

    private static final Map<String, String> CURRENCIES = currencies();

    private final Clock clock;
    private final Gazetteer countries;
    private final Gazetteer cities;
    private final Set<String> firstNames;

    public EntityExtractor(Clock clock, List<Locale> languages) {
        this.clock = clock;
        this.countries = Gazetteer.countries(languages);
        this.cities = Gazetteer.cities();
        this.firstNames = Gazetteer.firstNames();
    }

    public List<ExtractedEntity> extract(String text) {
        List<ExtractedEntity> found = new ArrayList<>();
        emails(text, found);
        amounts(text, found);
        dates(text, found);
        identifiers(text, found);
        accountTypes(text, found);
        people(text, found);
        places(text, cities, CITY, found);
        places(text, countries, COUNTRY, found);
        found.sort(Comparator.comparingInt(ExtractedEntity::start));
        return found;
    }

    private void emails(String text, List<ExtractedEntity> found) {
        Matcher m = EMAIL_PATTERN.matcher(text);
        while (m.find()) {
            add(found, EMAIL, m.start(), m.end(), text, m.group().toLowerCase(Locale.ROOT));
        }
    }

    private void amounts(String text, List<ExtractedEntity> found) {
        for (Pattern pattern : List.of(AMOUNT_SYMBOL_FIRST, AMOUNT_NUMBER_FIRST)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                String currency = CURRENCIES.get(m.group("sym").strip().toLowerCase(Locale.ROOT));
                BigDecimal value = parseAmount(m.group("num"));
                if (currency != null && value != null) {
                    add(found, AMOUNT, m.start(), m.end(), text, value.toPlainString() + " " + currency);
                }
            }
        }
    }

    /** Reads "1,234.56", "1.234,56", "12,50" and "1 200": the last separator followed by 1-2 digits is decimal. */
    static BigDecimal parseAmount(String raw) {
        String number = raw.replace(" ", "").replace("'", "");
        int lastSeparator = Math.max(number.lastIndexOf('.'), number.lastIndexOf(','));
        String digits;
        if (lastSeparator >= 0 && number.length() - lastSeparator - 1 <= 2) {
            digits = number.substring(0, lastSeparator).replaceAll("[.,]", "") + "."
                    + number.substring(lastSeparator + 1);
        } else {
            digits = number.replaceAll("[.,]", "");
        }
        try {
            return new BigDecimal(digits).setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void dates(String text, List<ExtractedEntity> found) {
        LocalDate today = LocalDate.now(clock);
        Matcher m = ISO_DATE.matcher(text);
        while (m.find()) {
            date(
                    found,
                    text,
                    m,
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        }
        m = NUMERIC_DATE.matcher(text);
        while (m.find()) {
            int first = Integer.parseInt(m.group(1)), second = Integer.parseInt(m.group(2));
            int year = year(m.group(3), today);
            // day first, as everywhere but the US; a first number above 12 leaves no doubt, a second one above 12
            // means the writer put the month first
            if (second > 12 && first <= 12) {
                date(found, text, m, year, first, second);
            } else {
                date(found, text, m, year, second, first);
            }
        }
        m = DAY_MONTH.matcher(text);
        while (m.find()) {
            date(found, text, m, year(m.group(3), today), month(m.group(2)), Integer.parseInt(m.group(1)));
        }
        m = MONTH_DAY.matcher(text);
        while (m.find()) {
            date(found, text, m, year(m.group(3), today), month(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = RELATIVE_DATE.matcher(text);
        while (m.find()) {
            LocalDate date =
                    switch (m.group(1).toLowerCase(Locale.ROOT)) {
                        case "yesterday" -> today.minusDays(1);
                        case "tomorrow" -> today.plusDays(1);
                        default -> today;
                    };
            add(found, DATE, m.start(), m.end(), text, date.toString());
        }
    }

    private static int year(String raw, LocalDate today) {
        if (raw == null) {
            return today.getYear();
        }
        int year = Integer.parseInt(raw);
        return raw.length() == 2 ? 2000 + year : year;
    }

    private static int month(String name) {
        String prefix = name.substring(0, 3).toLowerCase(Locale.ROOT);
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                    .toLowerCase(Locale.ROOT)
                    .startsWith(prefix)) {
                return month.getValue();
            }
        }
        return 0;
    }

    private void date(List<ExtractedEntity> found, String text, Matcher m, int year, int month, int day) {
        try {
            add(
                    found,
                    DATE,
                    m.start(),
                    m.end(),
                    text,
                    LocalDate.of(year, month, day).toString());
        } catch (DateTimeException e) {
            // not a calendar date (31/02, 13/13): leave it to the identifier rules
        }
    }

    private void identifiers(String text, List<ExtractedEntity> found) {
        Matcher glued = GLUED_IDENTIFIER.matcher(text);
        while (glued.find()) {
            String keyword = glued.group(1).toLowerCase(Locale.ROOT);
            String type = keyword.equals("invoice") || keyword.equals("bill") ? INVOICE_NUMBER : ORDER_NUMBER;
            add(found, type, glued.start(2), glued.end(2), text, glued.group(2).replace("#", ""));
        }
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            String id = m.group();
            String before = text.substring(Math.max(0, m.start() - 40), m.start());
            long digits = id.chars().filter(Character::isDigit).count();
            // the keyword nearest to the number decides: "an item from order 123" is an order number
            int invoiceAt = cueStart(INVOICE_CUE, before);
            int productAt = cueStart(PRODUCT_CUE, before);
            int orderAt = cueStart(ORDER_CUE, before);
            String type;
            if (invoiceAt >= 0 && invoiceAt > productAt && invoiceAt > orderAt) {
                type = INVOICE_NUMBER;
            } else if (productAt >= 0 && productAt > orderAt) {
                type = PRODUCT_ID;
            } else if (orderAt >= 0 || digits >= 6 || id.startsWith("#")) {
                type = ORDER_NUMBER;
            } else {
                continue;
            }
            String normalized = id.replace("#", "").toUpperCase(Locale.ROOT);
            add(found, type, m.start(), m.end(), text, normalized);
        }
    }

    /** Where the cue's keyword starts in the text before a number, or -1 when it is not within reach. */
    private static int cueStart(Pattern cue, String before) {
        Matcher m = cue.matcher(before);
        int start = -1;
        int from = 0;
        while (from <= before.length() && m.find(from)) {
            start = m.start();
            from = m.start() + 1;
        }
        return start;
    }

    private void accountTypes(String text, List<ExtractedEntity> found) {
        Matcher m = ACCOUNT_TYPE_PATTERN.matcher(text);
        while (m.find()) {
            String next = m.group(3).toLowerCase(Locale.ROOT);
            // customers misspell "account" in every way ("acconut", "cacount"); two edits still leave it recognisable
            boolean accountFollows = ACCOUNT_WORDS.contains(next) || editDistance(next, "account") <= 2;
            if (accountFollows && (!m.group(2).isEmpty() || next.startsWith("acc"))) {
                add(found, ACCOUNT_TYPE, m.start(1), m.end(1), text, m.group(1).toLowerCase(Locale.ROOT));
            }
        }
    }

    /** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private void people(String text, List<ExtractedEntity> found) {
        Matcher m = TITLED_PERSON.matcher(text);
        while (m.find()) {
            add(found, PERSON, m.start(), m.end(), text, m.group());
        }
        m = NAME_CUE.matcher(text);
        while (m.find()) {
            add(found, PERSON, m.start(1), m.end(1), text, m.group(1));
        }
        m = CAPITALISED_PAIR.matcher(text);
        while (m.find()) {
            if (firstNames.contains(m.group(1))
                    && cities.canonical(m.group(2)) == null
                    && countries.canonical(m.group(2)) == null) {
                add(found, PERSON, m.start(), m.end(), text, m.group());
            }
        }
    }

    private static void places(String text, Gazetteer gazetteer, String type, List<ExtractedEntity> found) {
        Matcher m = gazetteer.pattern().matcher(text);
        while (m.find()) {
            add(found, type, m.start(), m.end(), text, gazetteer.canonical(m.group()));
        }
    }

    private static void add(List<ExtractedEntity> found, String type, int start, int end, String text, String value) {
        for (ExtractedEntity existing : found) {
            if (start < existing.end() && existing.start() < end) {
                return;
            }
        }
        found.add(new ExtractedEntity(type, start, end, text.substring(start, end), value));
    }

    private static Map<String, String> currencies() {
        Map<String, String> map = new HashMap<>();
        map.put("$", "USD");
        map.put("€", "EUR");
        map.put("£", "GBP");
        map.put("¥", "JPY");
        for (String code : List.of("usd", "eur", "gbp", "chf", "jpy", "cad", "aud", "sek", "nok", "dkk", "pln")) {
            map.put(code, code.toUpperCase(Locale.ROOT));
        }
        map.put("dollar", "USD");
        map.put("dollars", "USD");
        map.put("bucks", "USD");
        map.put("euro", "EUR");
        map.put("euros", "EUR");
        map.put("pound", "GBP");
        map.put("pounds", "GBP");
        map.put("franc", "CHF");
        map.put("francs", "CHF");
        map.put("yen", "JPY");
        return map;
    }
}
