package com.agentfactory.demo.replay;

import static com.agentfactory.demo.replay.RetailCsvFixtures.HEADER;
import static com.agentfactory.demo.replay.RetailCsvFixtures.ISO_FORMAT;
import static com.agentfactory.demo.replay.RetailCsvFixtures.SPREADSHEET_FORMAT;
import static com.agentfactory.demo.replay.RetailCsvFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetailCsvTest {

    @Test
    void parsesIsoDatesAsUtcAndFloatFormattedCustomerIds() {
        RetailLine first = parse(ISO_FORMAT).lines().getFirst();

        assertThat(first.invoiceNo()).isEqualTo("536365");
        assertThat(first.stockCode()).isEqualTo("85123A");
        assertThat(first.quantity()).isEqualTo(6);
        assertThat(first.invoiceDate()).isEqualTo(Instant.parse("2010-12-01T08:26:00Z"));
        assertThat(first.unitPrice()).isEqualByComparingTo("2.55");
        assertThat(first.customerId()).isEqualTo("17850");
        assertThat(first.country()).isEqualTo("United Kingdom");
    }

    @Test
    void parsesSpreadsheetDatesAndIntegerCustomerIds() {
        RetailLine cancellation = parse(SPREADSHEET_FORMAT).lines().getLast();

        assertThat(cancellation.invoiceDate()).isEqualTo(Instant.parse("2010-12-01T09:41:00Z"));
        assertThat(cancellation.customerId()).isEqualTo("17850");
        assertThat(cancellation.isCancellation()).isTrue();
        assertThat(cancellation.quantity()).isEqualTo(-1);
    }

    @Test
    void bothFormatsOfTheSameLinesParseToTheSameValues() {
        var iso = parse(ISO_FORMAT).lines();
        var spreadsheet = parse(SPREADSHEET_FORMAT).lines();

        assertThat(spreadsheet).isEqualTo(iso);
    }

    @Test
    void anEmptyCustomerIdMeansAGuestCheckout() {
        assertThat(parse(ISO_FORMAT).lines().get(3).customerId()).isNull();
    }

    @Test
    void malformedLinesAreCountedAndTheRestIsRead() {
        var result = parse(HEADER + """
                536365,85123A,HEART,six,2010-12-01 08:26:00,2.55,17850.0,United Kingdom
                536365,71053,LANTERN,6,yesterday,3.39,17850.0,United Kingdom
                536366,22633,HAND WARMER,6,2010-12-01 08:28:00,1.85,17850.0,United Kingdom
                """);

        assertThat(result.recordsRead()).isEqualTo(3);
        assertThat(result.malformed()).isEqualTo(2);
        assertThat(result.lines())
                .singleElement()
                .extracting(RetailLine::stockCode)
                .isEqualTo("22633");
        assertThat(result.problems()).anySatisfy(problem -> assertThat(problem).contains("yesterday"));
    }

    @Test
    void columnsAreFoundByNameAndABomIsIgnored() {
        var result = parse("\uFEFFCountry,CustomerID,UnitPrice,InvoiceDate,Quantity,Description,StockCode,InvoiceNo\n"
                + "France,12345,1.5,2011-01-02 03:04:05,3,\"BAG, RED\",20711,540001\n");

        RetailLine line = result.lines().getFirst();
        assertThat(line.invoiceNo()).isEqualTo("540001");
        assertThat(line.description()).isEqualTo("BAG, RED");
        assertThat(line.unitPrice()).isEqualTo(new BigDecimal("1.5"));
        assertThat(line.country()).isEqualTo("France");
    }

    @Test
    void aFileWithoutTheOnlineRetailColumnsIsRefused() {
        assertThatThrownBy(() -> parse("a,b\n1,2\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("InvoiceNo");
    }
}
