package com.agentfactory.campaign.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The ab command on the Hillstrom e-mail test (each e-mail arm against No E-Mail), equal to statsmodels and scipy
 * to 4 decimals. The expected values come from src/test/resources/experiment/hillstrom_expected.py (statsmodels
 * 0.13.5, scipy 1.10.1): proportions_ztest, confint_proportions_2indep(method="wald") and
 * ttest_ind(equal_var=False). The data set is the project's shared one, which is not committed into the project.
 */
class AbCommandTest {

    private static final String HILLSTROM = "../../shared/datasets/hillstrom-email-ab/hillstrom.csv";

    @TempDir
    Path dir;

    @Test
    void visitsOfTheMensEmailAgainstNoEmailEqualStatsmodels() {
        JsonNode comparison = comparison("visit", "Mens E-Mail");

        assertThat(comparison.path("z").asDouble()).isCloseTo(22.4860408272, within(1e-4));
        assertThat(comparison.path("p_value").asDouble()).isCloseTo(5.6851654828e-112, within(1e-115));
        assertThat(comparison.path("ci_low").asDouble()).isCloseTo(0.0699535012, within(1e-4));
        assertThat(comparison.path("ci_high").asDouble()).isCloseTo(0.0832256261, within(1e-4));
        assertThat(comparison.path("welch_t").asDouble()).isCloseTo(22.6202307667, within(1e-4));
        assertThat(comparison.path("welch_pvalue").asDouble()).isCloseTo(1.3644511963e-112, within(1e-115));
    }

    @Test
    void visitsOfTheWomensEmailAgainstNoEmailEqualStatsmodels() {
        JsonNode comparison = comparison("visit", "Womens E-Mail");

        assertThat(comparison.path("z").asDouble()).isCloseTo(13.9491806553, within(1e-4));
        assertThat(comparison.path("ci_low").asDouble()).isCloseTo(0.0388938258, within(1e-4));
        assertThat(comparison.path("ci_high").asDouble()).isCloseTo(0.0515723874, within(1e-4));
        assertThat(comparison.path("welch_t").asDouble()).isCloseTo(13.9847384824, within(1e-4));
    }

    @Test
    void conversionsOfEachEmailAgainstNoEmailEqualStatsmodels() {
        JsonNode mens = comparison("conversion", "Mens E-Mail");
        assertThat(mens.path("z").asDouble()).isCloseTo(7.3851144109, within(1e-4));
        assertThat(mens.path("p_value").asDouble()).isCloseTo(1.5232235006e-13, within(1e-16));
        assertThat(mens.path("ci_low").asDouble()).isCloseTo(0.0050001714, within(1e-4));
        assertThat(mens.path("ci_high").asDouble()).isCloseTo(0.0086098417, within(1e-4));
        assertThat(mens.path("welch_t").asDouble()).isCloseTo(7.3897357214, within(1e-4));
        assertThat(mens.path("welch_pvalue").asDouble()).isCloseTo(1.5018157852e-13, within(1e-16));

        JsonNode womens = comparison("conversion", "Womens E-Mail");
        assertThat(womens.path("z").asDouble()).isCloseTo(3.7795609584, within(1e-4));
        assertThat(womens.path("p_value").asDouble()).isCloseTo(1.5710512911e-04, within(1e-8));
        assertThat(womens.path("ci_low").asDouble()).isCloseTo(0.0014986778, within(1e-4));
        assertThat(womens.path("ci_high").asDouble()).isCloseTo(0.0047234372, within(1e-4));
        assertThat(womens.path("welch_t").asDouble()).isCloseTo(3.7816265895, within(1e-4));
        assertThat(womens.path("welch_pvalue").asDouble()).isCloseTo(1.5602839509e-04, within(1e-8));
    }

    @Test
    void spendIsAMeanMetricComparedWithWelchAsScipy() {
        JsonNode result = run(
                "--file",
                HILLSTROM,
                "--group",
                "segment",
                "--metric",
                "spend",
                "--control",
                "No E-Mail",
                "--treatments",
                "Mens E-Mail");
        JsonNode comparison = result.path("comparisons").path(0);

        assertThat(result.path("metric_type").asString()).isEqualTo("mean");
        assertThat(comparison.path("z").isNull()).isTrue();
        assertThat(comparison.path("welch_t").asDouble()).isCloseTo(5.3001403584, within(1e-4));
        assertThat(comparison.path("welch_pvalue").asDouble()).isCloseTo(1.1638149682e-07, within(1e-11));
        assertThat(comparison.path("welch_degrees_of_freedom").asDouble()).isCloseTo(36671.157977, within(1e-2));
        assertThat(comparison.path("welch_ci_low").asDouble()).isCloseTo(0.4851397326, within(1e-4));
        assertThat(comparison.path("welch_ci_high").asDouble()).isCloseTo(1.0545145792, within(1e-4));
    }

    @Test
    void theMensEmailWinsOnVisitsWithAnAlwaysValidPValueAndTheArmsFitTheirSplit() {
        JsonNode result = run("--file", HILLSTROM, "--group", "segment", "--metric", "visit", "--control", "No E-Mail");

        assertThat(result.path("decision").asString()).isEqualTo("winner");
        assertThat(result.path("winner").asString()).isEqualTo("Mens E-Mail");
        assertThat(result.path("sample_ratio").path("mismatch").asBoolean()).isFalse();
        assertThat(result.at("/comparisons/0/always_valid_pvalue").asDouble()).isLessThan(0.025);
        assertThat(result.path("arms")).hasSize(3);
    }

    @Test
    void aMissingColumnIsACommandLineErrorNamingIt() throws IOException {
        Path csv = write("group,converted\nA,1\nB,0\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = AbCommand.run(
                new String[] {"--file", csv.toString(), "--group", "group", "--metric", "visit", "--control", "A"},
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no column 'visit'");
    }

    @Test
    void aMetricThatIsNotANumberIsACommandLineErrorNamingTheLine() throws IOException {
        Path csv = write("group,converted\nA,1\nB,yes\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = AbCommand.run(
                new String[] {"--file", csv.toString(), "--group", "group", "--metric", "converted", "--control", "A"},
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 3").contains("'yes' is not a number");
    }

    @Test
    void anUnknownControlLabelIsACommandLineErrorListingTheGroups() throws IOException {
        Path csv = write("group,converted\nA,1\nB,0\nA,0\nB,1\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = AbCommand.run(
                new String[] {"--file", csv.toString(), "--group", "group", "--metric", "converted", "--control", "C"},
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'C'").contains("[A, B]");
    }

    @Test
    void aRowWithTooFewFieldsIsACommandLineError() throws IOException {
        Path csv = write("group,converted\nA,1\nB\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = AbCommand.run(
                new String[] {"--file", csv.toString(), "--group", "group", "--metric", "converted", "--control", "A"},
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 3");
    }

    private JsonNode comparison(String metric, String treatment) {
        JsonNode result = run(
                "--file",
                HILLSTROM,
                "--group",
                "segment",
                "--metric",
                metric,
                "--control",
                "No E-Mail",
                "--treatments",
                treatment);
        assertThat(result.path("comparisons")).hasSize(1);
        return result.path("comparisons").path(0);
    }

    private static JsonNode run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AbCommand.run(args, new PrintStream(out), new PrintStream(err));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return AbCommand.JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("units.csv");
        Files.writeString(file, text);
        return file;
    }
}
