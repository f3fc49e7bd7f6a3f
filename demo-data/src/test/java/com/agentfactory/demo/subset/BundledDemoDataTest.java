package com.agentfactory.demo.subset;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.demo.replay.MappingResult;
import com.agentfactory.demo.replay.ReplayCommand;
import com.agentfactory.demo.replay.RetailCsv;
import com.agentfactory.demo.replay.StorefrontEvent;
import com.agentfactory.demo.replay.StorefrontEventMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BundledDemoDataTest {

    @Test
    void theBundledDemoCsvExistsParsesCompletelyAndIsUnderOneMegabyte() throws IOException, URISyntaxException {
        URL resource = ReplayCommand.class.getResource(ReplayCommand.BUNDLED_DEMO_CSV);
        assertThat(resource).isNotNull();
        assertThat(Files.size(Path.of(resource.toURI()))).isLessThan(1024 * 1024);

        RetailCsv.ParseResult parsed;
        try (InputStream in = resource.openStream()) {
            parsed = RetailCsv.read(new InputStreamReader(in, UTF_8));
        }
        assertThat(parsed.malformed()).isZero();
        assertThat(parsed.recordsRead()).isBetween(3_000L, 8_000L);
        assertThat(parsed.lines())
                .anySatisfy(line -> assertThat(line.customerId()).isNull());
    }

    @Test
    void theBundledDemoDataCoversTheWholeOrderLifecycle() throws IOException {
        MappingResult mapping;
        try (InputStream in = ReplayCommand.class.getResourceAsStream(ReplayCommand.BUNDLED_DEMO_CSV)) {
            mapping = new StorefrontEventMapper()
                    .map(RetailCsv.read(new InputStreamReader(in, UTF_8)).lines());
        }
        assertThat(mapping.count(StorefrontEvent.CustomerUpserted.class)).isEqualTo(150);
        List<String> phones = mapping.events().stream()
                .filter(StorefrontEvent.CustomerUpserted.class::isInstance)
                .map(event -> ((StorefrontEvent.CustomerUpserted) event).phone())
                .toList();
        assertThat(phones).allSatisfy(phone -> assertThat(phone).matches("\\+447700900[0-9]{3}"));
        // spread over the range, not a handful of numbers every customer shares
        assertThat(Set.copyOf(phones)).hasSizeGreaterThan(120);
        assertThat(mapping.count(StorefrontEvent.ProductUpserted.class)).isGreaterThan(500);
        assertThat(mapping.count(StorefrontEvent.OrderPlaced.class)).isGreaterThan(300);
        assertThat(mapping.count(StorefrontEvent.OrderCancelled.class)).isGreaterThan(100);
    }

    @Test
    void theAttributionShipsNextToTheData() throws IOException {
        try (InputStream in = ReplayCommand.class.getResourceAsStream("/demo/ATTRIBUTION.md")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), UTF_8)).contains("CC BY 4.0", "10.1057/dbm.2012.17");
        }
    }
}
