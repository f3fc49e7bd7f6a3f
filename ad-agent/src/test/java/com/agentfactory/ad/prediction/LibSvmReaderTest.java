package com.agentfactory.ad.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.messaging.error.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class LibSvmReaderTest {

    @Test
    void readsBinaryAndValuedFeaturesInIndexOrder() throws IOException {
        Dataset data = LibSvmReader.read(new StringReader("1 7:1 3:1\n# comment\n\n0 2:0.5 9\n-1 4:1\n"));

        assertThat(data.labels()).containsExactly(1, 0, 0);
        assertThat(data.rows()[0]).isEqualTo(SparseFeatures.ofIndices(3, 7));
        assertThat(data.rows()[1].index(0)).isEqualTo(2);
        assertThat(data.rows()[1].value(0)).isEqualTo(0.5f);
        assertThat(data.rows()[1].value(1)).isEqualTo(1f);
        assertThat(data.maxIndex()).isEqualTo(9);
    }

    @Test
    void rejectsALabelThatIsNotZeroOrOneNamingTheLine() {
        assertThatThrownBy(() -> LibSvmReader.read(new StringReader("1 3:1\n2 4:1\n")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("line 2: label '2' is not 0 or 1");
    }

    @Test
    void rejectsAFeatureWithoutAnIntegerIndex() {
        assertThatThrownBy(() -> LibSvmReader.read(new StringReader("0 3:1\n0 3:1\n1 abc:1\n")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("line 3: feature 'abc:1' has no integer index");
    }

    @Test
    void rejectsANonNumericValueAndANegativeIndex() {
        assertThatThrownBy(() -> LibSvmReader.read(new StringReader("0 3:x\n")))
                .hasMessage("line 1: feature '3:x' has no numeric value");
        assertThatThrownBy(() -> LibSvmReader.read(new StringReader("0 -3:1\n")))
                .hasMessage("line 1: feature index -3 is negative");
    }

    @Test
    void rejectsAFileWithoutExamples() {
        assertThatThrownBy(() -> LibSvmReader.read(new StringReader("# nothing\n")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("the training file has no examples");
    }
}
