package com.agentfactory.ad.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AuctionSimulatorCommandTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return AuctionSimulatorCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private JsonNode lastLine() {
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        return JsonMapper.builder().build().readTree(lines.getLast());
    }

    @Test
    void printsEveryPolicyAndPartAsJsonOnTheLastLine() throws IOException {
        Path log = AuctionFiles.write(folder.resolve("log.txt"), AuctionFiles.randomLines(4_000, 1));
        Path stats = AuctionFiles.statistics(folder);

        int exit = run(
                "--log",
                log.toString(),
                "--stats",
                stats.toString(),
                "--episode",
                "200",
                "--c0",
                "1/4",
                "--policies",
                "lin,rlb");

        assertThat(exit).isZero();
        JsonNode json = lastLine();
        assertThat(json.get("budget").asLong()).isEqualTo(500);
        assertThat(json.get("first_half_auctions").asInt()).isEqualTo(2_000);
        for (String policy : List.of("lin", "rlb")) {
            JsonNode first = json.get("policies").get(policy).get("first");
            JsonNode second = json.get("policies").get(policy).get("second");
            JsonNode all = json.get("policies").get(policy).get("all");
            assertThat(all.get("auctions").asLong()).isEqualTo(4_000);
            assertThat(all.get("clicks").asLong())
                    .isEqualTo(
                            first.get("clicks").asLong() + second.get("clicks").asLong());
            assertThat(all.get("cost").asLong()).isLessThanOrEqualTo(20 * 500).isPositive();
            assertThat(all.has("win_rate") && all.has("cpm") && all.has("ecpc")).isTrue();
        }
    }

    @Test
    void printsOnlyTheRequestedPart() throws IOException {
        Path log = AuctionFiles.write(folder.resolve("log.txt"), AuctionFiles.randomLines(1_000, 2));
        Path stats = AuctionFiles.statistics(folder);

        int exit = run(
                "--log",
                log.toString(),
                "--stats",
                stats.toString(),
                "--episode",
                "100",
                "--c0",
                "0.5",
                "--policies",
                "rlb",
                "--part",
                "second");

        assertThat(exit).isZero();
        JsonNode rlb = lastLine().get("policies").get("rlb");
        assertThat(rlb.has("second")).isTrue();
        assertThat(rlb.has("first") || rlb.has("all")).isFalse();
    }

    @Test
    void linearBidTuningNeverReadsTheSecondHalf() throws IOException {
        String firstHalf = AuctionFiles.randomLines(2_000, 3);
        Path stats = AuctionFiles.statistics(folder);
        // two logs with the same first half and unrelated second halves, one of them clicked at every auction
        Path logA = AuctionFiles.write(folder.resolve("a.txt"), firstHalf + AuctionFiles.randomLines(2_000, 4));
        Path logB = AuctionFiles.write(
                folder.resolve("b.txt"),
                firstHalf + AuctionFiles.randomLines(2_000, 5).replaceAll("(?m)^0 ", "1 "));

        run("--log", logA.toString(), "--stats", stats.toString(), "--episode", "200", "--policies", "lin");
        double b0A = lastLine().get("policies").get("lin").get("b0").asDouble();
        out.reset();
        run("--log", logB.toString(), "--stats", stats.toString(), "--episode", "200", "--policies", "lin");
        JsonNode linB = lastLine().get("policies").get("lin");

        assertThat(linB.get("b0").asDouble()).isEqualTo(b0A);
        assertThat(linB.get("second").get("clicks").asLong())
                .isEqualTo(linB.get("second").get("impressions").asLong());
    }

    @Test
    void rejectsMissingAndMalformedFlagsWithAMessageAndNoStackTrace() throws IOException {
        Path stats = AuctionFiles.statistics(folder);
        Path log = AuctionFiles.write(folder.resolve("log.txt"), AuctionFiles.randomLines(10, 6));

        assertThat(run("--stats", stats.toString())).isEqualTo(2);
        assertThat(run("--log", log.toString(), "--stats", stats.toString(), "--c0", "-1"))
                .isEqualTo(2);
        assertThat(run("--log", log.toString(), "--stats", stats.toString(), "--episode", "ten"))
                .isEqualTo(2);
        assertThat(run("--log", log.toString(), "--stats", stats.toString(), "--policies", "lin,magic"))
                .isEqualTo(2);
        assertThat(run("--log", log.toString(), "--stats", stats.toString(), "--part", "middle"))
                .isEqualTo(2);
        assertThat(run("--log", log.toString(), "--stats", stats.toString(), "--bogus", "1"))
                .isEqualTo(2);
        assertThat(run("--log", log.toString(), "--stats", stats.toString(), "--dqn-networks", "0"))
                .isEqualTo(2);
        assertThat(run("--log", log.toString(), "--stats")).isEqualTo(2);

        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(errors)
                .contains(
                        "--log and --stats are required",
                        "--c0 must be a positive number",
                        "--episode must be a positive integer",
                        "--dqn-networks must be a positive integer",
                        "unknown policy 'magic'",
                        "--part must be",
                        "unknown flag --bogus",
                        "flag --stats needs a value");
        assertThat(errors).doesNotContain("Exception", "\tat ");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void rejectsMalformedFilesWithTheLineAtFault() throws IOException {
        Path stats = AuctionFiles.statistics(folder);
        Path badLog = AuctionFiles.write(folder.resolve("bad.txt"), "0 5 0.01\n0 five 0.01\n");
        Path badStats = AuctionFiles.write(folder.resolve("bad.json"), "{\"imp_train\": 10}");

        assertThat(run("--log", badLog.toString(), "--stats", stats.toString())).isEqualTo(2);
        assertThat(run("--log", badLog.toString(), "--stats", badStats.toString()))
                .isEqualTo(2);
        assertThat(run("--log", folder.resolve("none.txt").toString(), "--stats", stats.toString()))
                .isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(
                        "bad.txt line 2: not a number",
                        "price_counter_train must be a non-empty array",
                        "auction log not found")
                .doesNotContain("\tat ");
    }

    @Test
    void trainsAndRunsTheDqnOnTheFirstHalf() throws IOException {
        Path log = AuctionFiles.write(folder.resolve("log.txt"), AuctionFiles.randomLines(4_000, 7));
        Path stats = AuctionFiles.statistics(folder);

        int exit = run(
                "--log",
                log.toString(),
                "--stats",
                stats.toString(),
                "--episode",
                "100",
                "--c0",
                "1/2",
                "--policies",
                "dqn",
                "--dqn-epochs",
                "3",
                "--dqn-networks",
                "2",
                "--seed",
                "3");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode dqn = lastLine().get("policies").get("dqn");
        assertThat(dqn.get("networks").asInt()).isEqualTo(2);
        // two networks, each 3 epochs of 20 episodes with 10 decisions
        assertThat(dqn.get("training_decisions").asLong()).isEqualTo(2 * 3 * 20 * 10);
        assertThat(dqn.get("gradient_steps").asLong()).isPositive();
        assertThat(dqn.get("all").get("cost").asLong())
                .isLessThanOrEqualTo(40L * 500)
                .isPositive();
    }
}
