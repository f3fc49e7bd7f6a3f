package com.agentfactory.support.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IntentTrainerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);
    private static IntentClassifier classifier;

    @BeforeAll
    static void train() {
        List<LabelledText> examples = IntentExamples.smallStore();
        float[][] embeddings = MiniLmTextEmbedder.shared()
                .embed(examples.stream().map(LabelledText::text).toList());
        IntentModel model = new IntentTrainer(IntentTrainer.Options.defaults(), CLOCK).train(examples, embeddings);
        classifier = new IntentClassifier(model, MiniLmTextEmbedder.shared());
    }

    @Test
    void predictsTheIntentOfUnseenPhrasings() {
        assertThat(classifier
                        .classify("where's my package, it still hasn't come")
                        .getFirst()
                        .intent())
                .isEqualTo("order_status");
        assertThat(classifier
                        .classify("I'd like to give back the trousers I ordered")
                        .getFirst()
                        .intent())
                .isEqualTo("return_request");
        assertThat(classifier
                        .classify("I can't remember my password")
                        .getFirst()
                        .intent())
                .isEqualTo("account_password");
    }

    @Test
    void givesEveryIntentAConfidenceBestFirst() {
        List<IntentScore> scores = classifier.classify("where is my order");

        assertThat(scores)
                .extracting(IntentScore::intent)
                .containsExactlyInAnyOrder("order_status", "return_request", "account_password");
        assertThat(scores.get(0).confidence()).isGreaterThan(0.6);
        assertThat(scores.get(0).confidence())
                .isGreaterThanOrEqualTo(scores.get(1).confidence());
        assertThat(scores).allSatisfy(s -> assertThat(s.confidence()).isBetween(0.0, 1.0));
    }

    @Test
    void givesOutOfScopeMessagesLowConfidence() {
        for (String message : IntentExamples.outOfScope()) {
            assertThat(classifier.classify(message).getFirst().confidence())
                    .as(message)
                    .isLessThan(0.3);
        }
    }

    @Test
    void survivesASaveAndLoadWithTheSameVersionAndScores() throws IOException {
        var buffer = new ByteArrayOutputStream();
        classifier.model().write(buffer);

        IntentModel loaded = IntentModel.read(new ByteArrayInputStream(buffer.toByteArray()));

        assertThat(loaded.version()).isEqualTo(classifier.model().version()).startsWith("20260310T120000Z-");
        assertThat(loaded.labels()).isEqualTo(classifier.model().labels());
        assertThat(loaded.trainingExamples()).isEqualTo(24);
        assertThat(new IntentClassifier(loaded, MiniLmTextEmbedder.shared()).classify("reset my password"))
                .isEqualTo(classifier.classify("reset my password"));
    }

    @Test
    void keepsItsTunedOutOfScopeThresholdThroughASaveAndLoad() throws IOException {
        var buffer = new ByteArrayOutputStream();
        classifier.model().withOosThreshold(0.37).write(buffer);

        IntentModel loaded = IntentModel.read(new ByteArrayInputStream(buffer.toByteArray()));

        assertThat(classifier.model().oosThreshold()).isEqualTo(IntentModel.DEFAULT_OOS_THRESHOLD);
        assertThat(loaded.oosThreshold()).isEqualTo(0.37);
    }

    @Test
    void refusesAFileThatIsNotAModel() {
        assertThatThrownBy(() -> IntentModel.read(new ByteArrayInputStream(new byte[] {1, 2, 3})))
                .isInstanceOf(IOException.class);
    }

    @Test
    void needsAtLeastTwoIntents() {
        var trainer = new IntentTrainer(IntentTrainer.Options.defaults(), CLOCK);
        List<LabelledText> oneIntent = List.of(new LabelledText("where is my order", "order_status"));

        assertThatThrownBy(() -> trainer.train(oneIntent, new float[][] {new float[384]}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
