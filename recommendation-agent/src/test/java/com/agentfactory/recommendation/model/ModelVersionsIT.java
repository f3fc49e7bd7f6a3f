package com.agentfactory.recommendation.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.recommendation.support.RecommendationIntegrationTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ModelVersionsIT extends RecommendationIntegrationTest {

    @Autowired
    ModelService models;

    @Autowired
    ModelVersionRepository versions;

    @Test
    void aReplicaTrainingAtTheSameTimeAsAnotherNeverTakesItsVersionNumber() {
        // another replica has taken its number and is still training: nothing of it is stored yet
        int othersVersion = versions.nextVersion();

        int ours = models.retrain().version();
        versions.insert("popularity", othersVersion, Instant.now(), 0, 0, 0, "{}");

        assertThat(ours).isNotEqualTo(othersVersion);
    }
}
