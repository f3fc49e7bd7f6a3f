package com.agentfactory.recommendation.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionFileTest {

    @TempDir
    Path dir;

    @Test
    void readsACsvWithColumnsInAnyOrderAndAnOptionalRating() throws Exception {
        Path file = Files.writeString(
                dir.resolve("train.csv"), "timestamp,item_id,user_id,rating\n100,i1,u1,4.5\n200,i2,u1,\n");

        var rows = InteractionFile.read(file, InteractionFile.Format.CSV);

        assertThat(rows)
                .containsExactly(
                        new InteractionFile.Row("u1", "i1", 100, 4.5), new InteractionFile.Row("u1", "i2", 200, 1.0));
    }

    @Test
    void readsTheTabSeparatedMovieLensLayout() throws Exception {
        Path file = Files.writeString(dir.resolve("u1.base"), "1\t31\t3\t875072144\n");

        assertThat(InteractionFile.read(file, InteractionFile.Format.MOVIELENS))
                .containsExactly(new InteractionFile.Row("1", "31", 875072144L, 3.0));
    }

    @Test
    void readsOnlineRetailPurchasesSkippingWhatTheReplaySkips() throws Exception {
        Path file = Files.writeString(dir.resolve("retail.csv"), """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536381,82567,"AIRLINE LOUNGE,METAL SIGN",2,2010-12-01 09:41:00,2.1,15311.0,United Kingdom
                C536383,35004C,SET OF 3 COLOURED  FLYING DUCKS,-1,2010-12-01 09:49:00,4.65,15311.0,United Kingdom
                536414,22139,,56,2010-12-01 11:52:00,0.0,,United Kingdom
                536415,22140,FREE SAMPLE,1,2010-12-01 11:53:00,0.0,15311.0,United Kingdom
                536416,POST,POSTAGE,1,2010-12-01 11:54:00,18.0,12583.0,France
                536417,22141,RED BAG,3,2010-12-01 11:55:00,1.25,12583.0,France
                """);

        assertThat(InteractionFile.read(file, InteractionFile.Format.RETAIL))
                .containsExactly(
                        new InteractionFile.Row(
                                "15311", "82567", 1291196460L, 1.0, "United Kingdom", "AIRLINE LOUNGE,METAL SIGN"),
                        new InteractionFile.Row("12583", "22141", 1291204500L, 1.0, "France", "RED BAG"));
    }

    @Test
    void detectsTheLayoutFromTheFirstLineWhenNoFormatIsGiven() throws Exception {
        Path retail = Files.writeString(
                dir.resolve("retail.csv"),
                "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                        + "536417,22141,RED BAG,3,2010-12-01 11:55:00,1.25,12583.0,France\n");
        Path movieLens = Files.writeString(dir.resolve("u1.base"), "1\t31\t3\t875072144\n");
        Path csv = Files.writeString(dir.resolve("plain.csv"), "user_id,item_id\nu1,i1\n");

        assertThat(InteractionFile.read(retail, null))
                .extracting(InteractionFile.Row::itemId)
                .containsExactly("22141");
        assertThat(InteractionFile.read(movieLens, null))
                .containsExactly(new InteractionFile.Row("1", "31", 875072144L, 3.0));
        assertThat(InteractionFile.read(csv, null)).containsExactly(new InteractionFile.Row("u1", "i1", 0L, 1.0));
    }

    @Test
    void refusesACsvWithoutAUserColumn() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.csv"), "customer,item_id\nc1,i1\n");

        assertThatThrownBy(() -> InteractionFile.read(file, InteractionFile.Format.CSV))
                .hasMessageContaining("user_id");
    }
}
