package com.agentfactory.inventory.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestMainTest {

    @TempDir
    Path dir;

    @Test
    void refusesAFileWithoutTheRetailColumns() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), "a,b\n1,2\n");

        assertThatThrownBy(() -> BacktestMain.run(new String[] {"--data", file.toString(), "--origin", "2011-07-01"}))
                .isInstanceOf(BacktestInputException.class)
                .hasMessageContaining("no InvoiceNo column");
    }

    @Test
    void refusesAHorizonBeyondTheEndOfTheFile() throws IOException {
        Path file = retailFile(LocalDate.of(2011, 1, 3), 200);

        assertThatThrownBy(() -> BacktestMain.run(
                        new String[] {"--data", file.toString(), "--origin", "2011-07-01", "--blocks", "8"}))
                .isInstanceOf(BacktestInputException.class)
                .hasMessageContaining("before the last test day");
    }

    @Test
    void leavesOutCancellationsAndFreeLines() throws IOException {
        Path file = Files.writeString(dir.resolve("small.csv"), """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                1,A,x,5,2011-01-03 10:00:00,1.0,1,UK
                C2,A,x,-5,2011-01-03 11:00:00,1.0,1,UK
                3,A,x,7,2011-01-04 10:00:00,0.0,1,UK
                4,A,x,2,2011-03-01 10:00:00,1.0,1,UK
                5,B,x,1,2011-03-06 10:00:00,1.0,1,UK
                """);

        RetailBlocks blocks = RetailBlocks.read(file, LocalDate.of(2011, 2, 28), 1, 10);

        assertThat(blocks.series()).singleElement().satisfies(series -> {
            assertThat(series.history()[0]).isEqualTo(5);
            assertThat(series.actual()).containsExactly(2);
        });
    }

    @Test
    void hindsightBoundIsNoWorseThanAnyOtherLevelPerSku() {
        double[][] actual = {{1, 2, 30, 3}, {0, 0, 8, 0}};
        List<double[]> histories = List.of(new double[] {1, 2}, new double[] {0, 1});

        double[][] bound = BacktestMain.hindsightFlat(actual);

        assertThat(bound[0]).containsOnly(2.5);
        assertThat(bound[1]).containsOnly(0.0);
        double boundWape = Scores.of(bound, actual, histories).wape();
        for (double level = 0; level <= 30; level += 0.5) {
            double[][] flat = {{level, level, level, level}, {level / 4, level / 4, level / 4, level / 4}};
            assertThat(Scores.of(flat, actual, histories).wape()).isGreaterThanOrEqualTo(boundWape);
        }
    }

    private Path retailFile(LocalDate from, int days) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country");
        for (int d = 0; d < days; d++) {
            lines.add((500000 + d) + ",A,x," + (1 + d % 5) + "," + from.plusDays(d) + " 10:00:00,1.0,1,UK");
        }
        return Files.write(dir.resolve("retail.csv"), lines);
    }
}
