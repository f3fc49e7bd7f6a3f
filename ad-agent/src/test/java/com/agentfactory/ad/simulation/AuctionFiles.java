package com.agentfactory.ad.simulation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Object Mother for auction logs and statistics files written to a test folder. */
final class AuctionFiles {

    private AuctionFiles() {}

    /** 20,000 impressions, 80 clicks, cost 200,000 (cost per impression 10), prices 0..60. */
    static Path statistics(Path folder) throws IOException {
        StringBuilder counts = new StringBuilder();
        for (int price = 0; price <= 60; price++) {
            counts.append(price == 0 ? "" : ",").append(price >= 4 && price <= 25 ? 800 : 60);
        }
        return write(folder.resolve("info.json"), """
                {"imp_train": 20000, "clk_train": 80, "cost_train": 200000, "price_counter_train": [%s],
                 "imp_test": 0, "clk_test": 0, "cost_test": 0, "field": 1, "dim": 1}
                """.formatted(counts));
    }

    /** Random auctions whose click chance follows the pCTR; the same seed gives the same log. */
    static String randomLines(int auctions, long seed) {
        Random random = new Random(seed);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < auctions; i++) {
            double pctr = 0.001 + random.nextDouble() * 0.02;
            int click = random.nextDouble() < pctr ? 1 : 0;
            int price = 2 + random.nextInt(40);
            lines.append(click)
                    .append(' ')
                    .append(price)
                    .append(' ')
                    .append(pctr)
                    .append('\n');
        }
        return lines.toString();
    }

    static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        return file;
    }
}
