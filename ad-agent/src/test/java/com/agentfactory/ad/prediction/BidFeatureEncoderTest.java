package com.agentfactory.ad.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BidFeatureEncoderTest {

    @TempDir
    Path folder;

    /** A numbered index in the iPinYou layout: column:value, indices in order of first appearance. */
    static final String NUMBERED_INDEX = """
            truncate\t0
            1:other\t1
            2:other\t2
            7:other\t7
            8:other\t8
            9:other\t9
            10:other\t10
            11:other\t11
            12:other\t12
            15:other\t15
            16:other\t16
            17:other\t17
            18:other\t18
            19:other\t19
            20:other\t20
            21:other\t21
            25:other\t25
            26:other\t26
            1:2\t27
            2:18\t28
            8:60.22.69.*\t29
            2:09\t30
            9:216\t31
            10:217\t32
            11:null\t33
            12:d63d\t34
            15:3445847709\t35
            16:320\t36
            17:50\t37
            18:FirstView\t38
            19:Na\t39
            20:1-10\t40 trailing text
            21:11908\t41
            25:2997\t42
            7:android_safari\t43
            26:10006\t44
            """;

    @Test
    void rebuildsTheOneHotLayoutFromTheNumberedIndex() throws IOException {
        FeatureIndex index = FeatureIndex.read(write(NUMBERED_INDEX));

        // weekday: other 0, "2" 1; hour: other 2, "18" 3, "09" 4; useragent: other 5, android_safari 6; IP: other 7 ...
        assertThat(index.indexOf("weekday", "2")).isEqualTo(1);
        assertThat(index.indexOf("hour", "18")).isEqualTo(3);
        assertThat(index.indexOf("hour", "09")).isEqualTo(4);
        assertThat(index.indexOf("useragent", "android_safari")).isEqualTo(6);
        assertThat(index.other("IP")).isEqualTo(7);
        assertThat(index.indexOf("slotprice", "1-10")).isEqualTo(index.other("slotprice") + 1);
        assertThat(index.other("slotprice")).isGreaterThan(index.other("advertiser"));
    }

    @Test
    void encodesKnownValuesToTheirIndicesInIncreasingOrder() throws IOException {
        BidFeatureEncoder encoder = new BidFeatureEncoder(FeatureIndex.read(write(NUMBERED_INDEX)));
        FeatureIndex index = FeatureIndex.read(write(NUMBERED_INDEX));

        SparseFeatures features = encoder.encode(known());

        assertThat(features.size()).isEqualTo(16);
        assertThat(features.index(0)).isEqualTo(index.indexOf("weekday", "2"));
        assertThat(features.index(1)).isEqualTo(index.indexOf("hour", "09"));
        assertThat(features.index(3)).isEqualTo(index.indexOf("IP", "60.22.69.*"));
        assertThat(features.index(6)).isEqualTo(index.indexOf("adexchange", "null"));
        assertThat(features.index(9)).isEqualTo(index.indexOf("slotwidth", "320"));
        assertThat(features.index(15)).isEqualTo(index.indexOf("slotprice", "1-10"));
        for (int i = 1; i < features.size(); i++) {
            assertThat(features.index(i)).isGreaterThan(features.index(i - 1));
        }
    }

    @Test
    void encodesUnknownAndMissingValuesToTheirFieldsOtherBucket() throws IOException {
        FeatureIndex index = FeatureIndex.read(write(NUMBERED_INDEX));
        BidFeatureEncoder encoder = new BidFeatureEncoder(index);
        BidFeatures unknown = new BidFeatures(
                5,
                23,
                "beos_netscape",
                "not-an-ip",
                null,
                "999",
                "7",
                "unseen",
                "1",
                728,
                90,
                "Elsewhere",
                null,
                0,
                "1",
                "1");

        SparseFeatures features = encoder.encode(unknown);

        for (int f = 0; f < 16; f++) {
            assertThat(features.index(f))
                    .as(FeatureIndex.FIELDS.get(f))
                    .isEqualTo(index.other(FeatureIndex.FIELDS.get(f)));
        }
    }

    @Test
    void readsTheNetworkOfAnAddressWithoutBuildingStrings() {
        assertThat(BidFeatureEncoder.network("60.22.69.14")).isEqualTo(BidFeatureEncoder.network("60.22.69.*"));
        assertThat(BidFeatureEncoder.network("60.22.69.14")).isEqualTo((60 << 16) | (22 << 8) | 69);
        assertThat(BidFeatureEncoder.network("60.22")).isEqualTo(-1);
        assertThat(BidFeatureEncoder.network("a.b.c.d")).isEqualTo(-1);
    }

    static BidFeatures known() {
        return new BidFeatures(
                2,
                9,
                "android_safari",
                "60.22.69.200",
                "216",
                "217",
                null,
                "d63d",
                "3445847709",
                320,
                50,
                "FirstView",
                "Na",
                5,
                "11908",
                "2997");
    }

    private Path write(String text) throws IOException {
        return Files.writeString(folder.resolve("featindex.txt"), text);
    }
}
