package com.agentfactory.support.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class EntityExtractorTest {

    private static final Clock MARCH_10_2026 = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);

    private final EntityExtractor extractor =
            new EntityExtractor(MARCH_10_2026, List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH));

    @Test
    void findsAnOrderNumberWithItsSpan() {
        String text = "how can I cancel purchase 113542617735902?";

        assertThat(extractor.extract(text))
                .containsExactly(new ExtractedEntity("order_number", 26, 41, "113542617735902", "113542617735902"));
    }

    @Test
    void normalisesAPrefixedOrderNumberToUpperCaseWithoutHash() {
        assertThat(extractor.extract("My order #ord-20931 never arrived"))
                .extracting(ExtractedEntity::type, ExtractedEntity::text, ExtractedEntity::normalizedValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("order_number", "#ord-20931", "ORD-20931"));
    }

    @Test
    void tellsInvoiceNumbersFromOrderNumbersByTheWordBeforeThem() {
        List<ExtractedEntity> entities = extractor.extract("I need invoice #00108 for order 00004587345");

        assertThat(entities).extracting(ExtractedEntity::type).containsExactly("invoice_number", "order_number");
        assertThat(entities.getFirst().text()).isEqualTo("#00108");
        assertThat(entities.getFirst().normalizedValue()).isEqualTo("00108");
    }

    @Test
    void letsTheKeywordNearestToTheNumberDecideItsType() {
        assertThat(extractor.extract("help to remove an item from order 00004587345"))
                .extracting(ExtractedEntity::type)
                .containsExactly("order_number");
        assertThat(extractor.extract("the recorded number 123456 for article 4471-B"))
                .extracting(ExtractedEntity::type, ExtractedEntity::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("order_number", "123456"),
                        org.assertj.core.groups.Tuple.tuple("product_id", "4471-B"));
    }

    @Test
    void findsProductIds() {
        assertThat(extractor.extract("Is product SKU-4471 back in stock?"))
                .extracting(ExtractedEntity::type, ExtractedEntity::normalizedValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("product_id", "SKU-4471"));
    }

    @Test
    void normalisesAmountsWithCurrencySymbolsCodesAndWords() {
        assertThat(extractor.extract("I paid £12.50, then 1.234,56 € and finally 300 dollars"))
                .extracting(ExtractedEntity::text, ExtractedEntity::normalizedValue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("£12.50", "12.50 GBP"),
                        org.assertj.core.groups.Tuple.tuple("1.234,56 €", "1234.56 EUR"),
                        org.assertj.core.groups.Tuple.tuple("300 dollars", "300.00 USD"));
    }

    @Test
    void normalisesDatesToIsoIncludingRelativeOnes() {
        assertThat(extractor.extract("Ordered on 3 March, due 2026-03-15, shipped 12/03/2026, not yesterday"))
                .filteredOn(e -> e.type().equals("date"))
                .extracting(ExtractedEntity::normalizedValue)
                .containsExactly("2026-03-03", "2026-03-15", "2026-03-12", "2026-03-09");
    }

    @Test
    void findsEmailAddressesInLowerCase() {
        String text = "Please write to Jane.Doe@Example.com today";

        assertThat(extractor.extract(text))
                .filteredOn(e -> e.type().equals("email"))
                .containsExactly(new ExtractedEntity("email", 16, 36, "Jane.Doe@Example.com", "jane.doe@example.com"));
    }

    @Test
    void findsPeopleByTitleByGivenNameAndBySelfIntroduction() {
        assertThat(extractor.extract("invoices from Mr. Jones and Anna Freeman"))
                .extracting(ExtractedEntity::type, ExtractedEntity::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("person", "Mr. Jones"),
                        org.assertj.core.groups.Tuple.tuple("person", "Anna Freeman"));
        assertThat(extractor.extract("Hello, my name is Kowalski Brzęczyszczykiewicz"))
                .extracting(ExtractedEntity::text)
                .containsExactly("Kowalski Brzęczyszczykiewicz");
    }

    @Test
    void mapsCitiesAndCountriesToCanonicalValues() {
        assertThat(extractor.extract("Do you ship from München to Canada or to Deutschland?"))
                .extracting(ExtractedEntity::type, ExtractedEntity::normalizedValue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("city", "Munich"),
                        org.assertj.core.groups.Tuple.tuple("country", "CA"),
                        org.assertj.core.groups.Tuple.tuple("country", "DE"));
    }

    @Test
    void findsAccountTypes() {
        assertThat(extractor.extract("I want to switch to the Platinum account"))
                .containsExactly(new ExtractedEntity("account_type", 24, 32, "Platinum", "platinum"));
    }

    @Test
    void findsAnOrderNumberGluedToItsKeyword() {
        assertThat(extractor.extract("cancelling order732201349959"))
                .containsExactly(new ExtractedEntity("order_number", 16, 28, "732201349959", "732201349959"));
    }

    @Test
    void findsAccountTypesBeforeAMisspeltAccount() {
        assertThat(extractor.extract("canceling Premium cacount"))
                .extracting(ExtractedEntity::normalizedValue)
                .containsExactly("premium");
        assertThat(extractor.extract("is there free cancellation")).isEmpty();
    }

    @Test
    void findsNothingInPlainText() {
        assertThat(extractor.extract("hello, can you help me with something?")).isEmpty();
    }
}
