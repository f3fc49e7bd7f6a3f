package com.agentfactory.recommendation.surface;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.envelope.MessageSizeLimit;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** A campaign batch is refused with its input when its lists would not fit the one answer that carries them. */
class BatchRecommendationsRequestTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void takesAsManyUsersAsFitOneAnswerAtEachLimit() {
        assertThat(VALIDATOR.validate(batch(250, 10))).isEmpty();
        assertThat(VALIDATOR.validate(batch(50, 50))).isEmpty();
        assertThat(VALIDATOR.validate(batch(125, 20))).isEmpty();
    }

    @Test
    void refusesMoreUsersThanFitOneAnswerAtTheLimitOnTheUserIds() {
        List<ConstraintViolation<BatchRecommendationsRequest>> violations =
                List.copyOf(VALIDATOR.validate(batch(51, 50)));

        assertThat(violations).hasSize(1);
        assertThat(violations.getFirst().getPropertyPath()).hasToString("userIds");
        assertThat(violations.getFirst().getMessage())
                .isEqualTo("names 51 users at limit 50: at most 50 at that limit, as one answer carries at most 2500"
                        + " products in all (users times limit); split the users over several batches");
        assertThat(VALIDATOR.validate(batch(126, 20)))
                .extracting(violation -> violation.getPropertyPath().toString())
                .containsExactly("userIds");
    }

    @Test
    void reportsMoreUsersThanAnyBatchTakesOnceOnTheUserIds() {
        assertThat(VALIDATOR.validate(batch(ListLimits.MAX_BATCH_USERS + 1, 50)))
                .extracting(violation -> violation.getPropertyPath().toString())
                .containsExactly("userIds");
    }

    @Test
    void countsAUserNamedTwiceOnce() {
        List<UUID> users = new ArrayList<>(users(50));
        users.add(users.getFirst());

        assertThat(VALIDATOR.validate(new BatchRecommendationsRequest(users, 50)))
                .isEmpty();
    }

    @Test
    void theAnswerToTheLargestBatchFitsOneMessageWithLongerNamesThanUsual() {
        // names and categories twice as long as the common ones the limit is reckoned with
        String name = "Stainless steel electric kettle with temperature control, 1.7 l, brushed finish, black handle";
        String category = "Kitchen appliances / kettles and coffee";
        List<UserRecommendationsResponse> lists = users(ListLimits.MAX_BATCH_USERS).stream()
                .map(user -> new UserRecommendationsResponse(
                        user,
                        12345,
                        Instant.now(),
                        Stream.generate(() -> new RecommendedProductResponse(
                                        UUID.randomUUID(),
                                        name,
                                        new BigDecimal("1234.5600"),
                                        "EUR",
                                        category,
                                        0.123456,
                                        RecommendationService.ABANDONED_CART))
                                .limit(ListLimits.MAX_BATCH_PRODUCTS / ListLimits.MAX_BATCH_USERS)
                                .toList()))
                .toList();
        String answer = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .build()
                .writeValueAsString(new BatchRecommendationsResponse(lists.size(), lists));

        assertThat(answer.getBytes(StandardCharsets.UTF_8).length)
                .isLessThan(MessageSizeLimit.KAFKA_DEFAULT_MAX_REQUEST_BYTES * 9 / 10);
    }

    private static BatchRecommendationsRequest batch(int users, int limit) {
        return new BatchRecommendationsRequest(users(users), limit);
    }

    private static List<UUID> users(int count) {
        return Stream.generate(UUID::randomUUID).limit(count).toList();
    }
}
