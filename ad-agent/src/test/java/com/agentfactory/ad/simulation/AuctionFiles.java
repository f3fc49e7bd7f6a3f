package com.agentfactory.ad.simulation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Object Mother for auction logs and statistics files written to a test folder. */
final class AuctionFiles {

    /** Prices mostly 4..25 and CTR about 1%, close to {@link #statistics}; the same seed gives the same log. */
    static final SyntheticMarket.Shape SMALL_MARKET = new SyntheticMarket.Shape(12, 0.6, 60, 0.011, 100);

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

    /** Synthetic auctions (their clicks drawn from the pCTR) as log lines; the same seed gives the same log. */
    static String randomLines(int auctions, long seed) {
        return lines(SyntheticMarket.auctions(SMALL_MARKET, auctions, seed));
    }

    /** The log as the simulator reads it: {@code click market_price pctr} per line. */
    static String lines(AuctionLog log) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < log.size(); i++) {
            lines.append(log.clicked(i) ? 1 : 0)
                    .append(' ')
                    .append(log.marketPrice(i))
                    .append(' ')
                    .append(log.pctr(i))
                    .append('\n');
        }
        return lines.toString();
    }

    static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        return file;
    }
}
