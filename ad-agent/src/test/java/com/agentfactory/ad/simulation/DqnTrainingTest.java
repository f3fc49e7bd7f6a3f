package com.agentfactory.ad.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.ad.policy.QFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

class DqnTrainingTest {

    @Test
    void anEnsembleValuesEachActionAtItsNetworksMean() {
        QFunction first = features -> new float[] {1f, 4f, features[0]};
        QFunction second = features -> new float[] {3f, 0f, -features[0]};

        float[] values = DqnTraining.averaged(List.of(first, second)).actionValues(new float[] {5f});

        assertThat(values).containsExactly(2f, 2f, 0f);
    }

    @Test
    void oneNetworkIsUsedAsItIs() {
        QFunction only = features -> new float[] {features[0], 1f};

        assertThat(DqnTraining.averaged(List.of(only))).isSameAs(only);
    }
}
