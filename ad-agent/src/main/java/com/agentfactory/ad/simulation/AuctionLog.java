package com.agentfactory.ad.simulation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** Logged auctions in time order: whether the impression was clicked, its market price and its pCTR. */
final class AuctionLog {

    private final byte[] clicks;
    private final int[] marketPrices;
    private final double[] pctrs;

    AuctionLog(byte[] clicks, int[] marketPrices, double[] pctrs) {
        if (clicks.length != marketPrices.length || clicks.length != pctrs.length) {
            throw new IllegalArgumentException("columns of different lengths");
        }
        this.clicks = clicks;
        this.marketPrices = marketPrices;
        this.pctrs = pctrs;
    }

    /** Reads {@code click market_price pctr} lines separated by spaces or tabs; blank lines are skipped. */
    static AuctionLog read(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (NoSuchFileException e) {
            throw new SimulationInputException("auction log not found: " + file);
        } catch (IOException e) {
            throw new SimulationInputException("cannot read auction log " + file + ": " + e.getMessage());
        }
    }

    static AuctionLog parse(Reader input, String source) throws IOException {
        BufferedReader reader = input instanceof BufferedReader buffered ? buffered : new BufferedReader(input);
        byte[] clicks = new byte[1024];
        int[] prices = new int[1024];
        double[] pctrs = new double[1024];
        int size = 0;
        int lineNumber = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] fields = trimmed.split("[ \t]+");
            if (fields.length != 3) {
                throw malformed(
                        source, lineNumber, "expected 3 fields 'click market_price pctr', got " + fields.length);
            }
            if (size == clicks.length) {
                clicks = Arrays.copyOf(clicks, size * 2);
                prices = Arrays.copyOf(prices, size * 2);
                pctrs = Arrays.copyOf(pctrs, size * 2);
            }
            try {
                int click = Integer.parseInt(fields[0]);
                int price = Integer.parseInt(fields[1]);
                double pctr = Double.parseDouble(fields[2]);
                if (click != 0 && click != 1) {
                    throw malformed(source, lineNumber, "click must be 0 or 1");
                }
                if (price < 0) {
                    throw malformed(source, lineNumber, "market price must not be negative");
                }
                if (!(pctr >= 0 && pctr <= 1)) {
                    throw malformed(source, lineNumber, "pctr must be in [0, 1]");
                }
                clicks[size] = (byte) click;
                prices[size] = price;
                pctrs[size] = pctr;
            } catch (NumberFormatException e) {
                throw malformed(source, lineNumber, "not a number: " + e.getMessage());
            }
            size++;
        }
        if (size == 0) {
            throw new SimulationInputException("auction log " + source + " has no auctions");
        }
        return new AuctionLog(Arrays.copyOf(clicks, size), Arrays.copyOf(prices, size), Arrays.copyOf(pctrs, size));
    }

    private static SimulationInputException malformed(String source, int line, String reason) {
        return new SimulationInputException("malformed auction log " + source + " line " + line + ": " + reason);
    }

    int size() {
        return clicks.length;
    }

    boolean clicked(int index) {
        return clicks[index] == 1;
    }

    int marketPrice(int index) {
        return marketPrices[index];
    }

    double pctr(int index) {
        return pctrs[index];
    }

    /** Auctions [from, to) as their own log: how tuning is kept away from the evaluation part. */
    AuctionLog slice(int from, int to) {
        return new AuctionLog(
                Arrays.copyOfRange(clicks, from, to),
                Arrays.copyOfRange(marketPrices, from, to),
                Arrays.copyOfRange(pctrs, from, to));
    }
}
