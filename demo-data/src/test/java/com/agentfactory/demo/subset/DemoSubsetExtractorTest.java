package com.agentfactory.demo.subset;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.demo.subset.DemoSubsetExtractor.Criteria;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSubsetExtractorTest {

    private static final String SOURCE = """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom
            536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,17850.0,United Kingdom
            C536379,85123A,WHITE HANGING HEART T-LIGHT HOLDER,-1,2010-12-01 09:41:00,2.55,17850.0,United Kingdom
            536370,22728,ALARM CLOCK BAKELIKE PINK,24,2010-12-01 08:45:00,3.75,12583.0,France
            536371,22086,PAPER CHAIN KIT 50'S CHRISTMAS ,80,2010-12-01 09:00:00,2.55,13748.0,United Kingdom
            536372,22632,HAND WARMER RED POLKA DOT,6,2010-12-01 09:01:00,1.85,13748.0,United Kingdom
            C536383,35004C,"SET OF 3 COLOURED  FLYING DUCKS",-1,2010-12-01 09:49:00,4.65,13748.0,United Kingdom
            536373,22960,JAM MAKING SET WITH JARS,6,2010-12-01 09:02:00,4.25,,United Kingdom
            536373,21754,"HOME BUILDING BLOCK WORD",3,2010-12-01 09:02:00,5.95,,United Kingdom
            536374,21258,VICTORIAN SEWING BOX LARGE,32,2010-12-01 09:09:00,10.95,,United Kingdom
            """;

    @TempDir
    Path directory;

    @Test
    void keepsAllLinesOfCustomersWithOrdersAndACancellationPlusGuestInvoices() throws IOException {
        Path output = extract(new Criteria(10, 2, 1, 60, 10, 2, 40));

        List<String> lines = Files.readAllLines(output, UTF_8);
        assertThat(lines.getFirst())
                .isEqualTo("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country");
        assertThat(lines.subList(1, lines.size()))
                .extracting(line -> line.substring(0, line.indexOf(',')))
                .containsExactly("536365", "536366", "C536379", "536371", "536372", "C536383", "536373", "536373");
        assertThat(lines)
                .contains(
                        "536371,22086,\"PAPER CHAIN KIT 50'S CHRISTMAS \",80,2010-12-01 09:00:00,2.55,13748.0,United Kingdom");
    }

    @Test
    void theNumberOfCustomersIsCappedDeterministically() throws IOException {
        Criteria oneCustomer = new Criteria(1, 2, 1, 60, 0, 2, 40);

        String first = Files.readString(extract(oneCustomer), UTF_8);
        String second = Files.readString(extract(oneCustomer), UTF_8);

        assertThat(second).isEqualTo(first);
        assertThat(first.lines().skip(1).map(line -> line.split(",")[6]).distinct())
                .hasSize(1);
    }

    @Test
    void customersWithTooManyLinesAreLeftOut() throws IOException {
        Path output = extract(new Criteria(10, 2, 1, 3, 0, 2, 40));

        assertThat(Files.readString(output, UTF_8)).contains("17850.0").contains("13748.0");
        assertThat(extract(new Criteria(10, 2, 1, 2, 0, 2, 40))).content(UTF_8).doesNotContain("17850.0");
    }

    private Path extract(Criteria criteria) throws IOException {
        Path input = Files.writeString(directory.resolve("source.csv"), SOURCE, UTF_8);
        Path output = Files.createTempFile(directory, "subset", ".csv");
        DemoSubsetExtractor.extract(input, output, criteria);
        return output;
    }
}
