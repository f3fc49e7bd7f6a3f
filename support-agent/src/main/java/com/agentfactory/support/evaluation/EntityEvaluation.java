package com.agentfactory.support.evaluation;

import com.agentfactory.support.entity.EntityExtractor;
import com.agentfactory.support.entity.ExtractedEntity;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Exact-span F1 of the entity extractor against Bitext's tagged spans (columns instruction, entity_type,
 * start_offset, end_offset). Bitext tags at most one entity per message and leaves some amounts untagged, so the
 * score is reported twice: over every message (untagged finds count as false positives) and over the tagged
 * messages only. Messages whose tag lies beyond the end of the text (Bitext shortened some order numbers after
 * tagging) are skipped and counted. Bitext's amount spans leave out the currency ("$299" is tagged "299"), so a predicted amount
 * matches when its digits are exactly the tagged span.
 */
final class EntityEvaluation {

    /** Bitext entity type to ours; account_type is kept as is. */
    static final Map<String, String> TYPES = Map.of(
            "order_id", EntityExtractor.ORDER_NUMBER,
            "invoice_id", EntityExtractor.INVOICE_NUMBER,
            "person_name", EntityExtractor.PERSON,
            "delivery_city", EntityExtractor.CITY,
            "delivery_country", EntityExtractor.COUNTRY,
            "refund_amount", EntityExtractor.AMOUNT,
            "account_type", EntityExtractor.ACCOUNT_TYPE);

    private EntityEvaluation() {}

    record Span(String type, int start, int end) {}

    static Map<String, Object> evaluate(Path file, PrintStream out) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return evaluate(reader, out);
        }
    }

    static Map<String, Object> evaluate(Reader reader, PrintStream out) throws IOException {
        EntityExtractor extractor = new EntityExtractor(Clock.systemUTC(), List.of(Locale.ENGLISH));
        Set<String> evaluated = new HashSet<>(TYPES.values());
        Map<String, int[]> all = new TreeMap<>(); // tp, fp, fn per type
        Map<String, int[]> tagged = new TreeMap<>();
        int messages = 0;
        int invalidGold = 0;
        var parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(reader);
        for (CSVRecord record : parser) {
            messages++;
            String text = record.get("instruction");
            Set<Span> gold = new HashSet<>();
            String goldType = TYPES.get(record.get("entity_type"));
            if (goldType != null) {
                int start = Integer.parseInt(record.get("start_offset"));
                int end = Integer.parseInt(record.get("end_offset"));
                if (end > text.length()) {
                    // the tag was made on a longer version of the message; nothing in this text can match it
                    invalidGold++;
                    continue;
                }
                gold.add(new Span(goldType, start, end));
            }
            Set<Span> predicted = new HashSet<>();
            for (ExtractedEntity entity : extractor.extract(text)) {
                if (evaluated.contains(entity.type())) {
                    predicted.add(comparable(entity));
                }
            }
            count(all, gold, predicted);
            if (!gold.isEmpty()) {
                count(tagged, gold, predicted);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", "entities");
        summary.put("messages", messages - invalidGold);
        summary.put("skipped_invalid_gold_spans", invalidGold);
        summary.put("span_f1_all_messages", scores(all));
        summary.put("span_f1_tagged_messages", scores(tagged));
        out.println("entity spans evaluated on " + messages + " messages");
        return summary;
    }

    private static Span comparable(ExtractedEntity entity) {
        if (!entity.type().equals(EntityExtractor.AMOUNT)) {
            return new Span(entity.type(), entity.start(), entity.end());
        }
        String text = entity.text();
        int first = 0;
        while (first < text.length() && !Character.isDigit(text.charAt(first))) {
            first++;
        }
        int last = text.length();
        while (last > first && !Character.isDigit(text.charAt(last - 1))) {
            last--;
        }
        return new Span(entity.type(), entity.start() + first, entity.start() + last);
    }

    private static void count(Map<String, int[]> counts, Set<Span> gold, Set<Span> predicted) {
        for (Span span : predicted) {
            counts.computeIfAbsent(span.type(), k -> new int[3])[gold.contains(span) ? 0 : 1]++;
        }
        for (Span span : gold) {
            if (!predicted.contains(span)) {
                counts.computeIfAbsent(span.type(), k -> new int[3])[2]++;
            }
        }
    }

    private static Map<String, Object> scores(Map<String, int[]> counts) {
        Map<String, Object> result = new LinkedHashMap<>();
        int tp = 0, fp = 0, fn = 0;
        Map<String, Object> perType = new LinkedHashMap<>();
        for (var e : counts.entrySet()) {
            int[] c = e.getValue();
            tp += c[0];
            fp += c[1];
            fn += c[2];
            perType.put(e.getKey(), f1(c[0], c[1], c[2]));
        }
        result.put("micro", f1(tp, fp, fn));
        result.put("by_type", perType);
        return result;
    }

    private static Map<String, Object> f1(int tp, int fp, int fn) {
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("precision", Math.round(precision * 10_000) / 10_000.0);
        m.put("recall", Math.round(recall * 10_000) / 10_000.0);
        m.put("f1", Math.round(f1 * 10_000) / 10_000.0);
        m.put("support", tp + fn);
        return m;
    }
}
