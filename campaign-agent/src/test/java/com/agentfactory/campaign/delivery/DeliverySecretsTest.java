package com.agentfactory.campaign.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.testing.DeployedConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/**
 * The unsubscribe, tracking and webhook signing secrets as the agent binds them from its own application.yml and
 * the environment variables a deployment sets: application.yml has none, since a secret anyone can read would let
 * anyone unsubscribe any customer, forge opens and clicks and sign webhooks, so the agent does not start without
 * each of them.
 */
class DeliverySecretsTest {

    private static final String UNSUBSCRIBE = "CAMPAIGN_UNSUBSCRIBE_SECRET=a-deployments-unsubscribe-secret";
    private static final String TRACKING = "CAMPAIGN_TRACKING_SECRET=a-deployments-tracking-secret";
    private static final String WEBHOOK = "CAMPAIGN_WEBHOOK_SECRET=a-deployments-webhook-secret";

    private final ApplicationContextRunner agent = new ApplicationContextRunner()
            .withInitializer(DeployedConfiguration::applicationYml)
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Secrets.class);

    @EnableConfigurationProperties(DeliveryProperties.class)
    static class Secrets {}

    @Test
    void doesNotStartWithoutAnUnsubscribeSecret() {
        agent.withPropertyValues(TRACKING, WEBHOOK).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("unsubscribeSecret")
                    .hasMessageContaining("set CAMPAIGN_UNSUBSCRIBE_SECRET")
                    .message()
                    .doesNotContain("trackingSecret", "webhookSigningSecret");
        });
    }

    @Test
    void doesNotStartWithoutATrackingSecretNorAnUnsubscribeSecretToFallBackOn() {
        agent.withPropertyValues(
                        "agentfactory.campaign.delivery.unsubscribe-secret=a-deployments-unsubscribe-secret", WEBHOOK)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("trackingSecret")
                            .hasMessageContaining("set CAMPAIGN_TRACKING_SECRET")
                            .message()
                            .doesNotContain("unsubscribeSecret", "webhookSigningSecret");
                });
    }

    @Test
    void doesNotStartWithoutAWebhookSigningSecret() {
        agent.withPropertyValues(UNSUBSCRIBE, TRACKING).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("webhookSigningSecret")
                    .hasMessageContaining("set CAMPAIGN_WEBHOOK_SECRET")
                    .message()
                    .doesNotContain("unsubscribeSecret", "trackingSecret");
        });
    }

    @Test
    void doesNotStartWithASecretShorterThanSixteenCharacters() {
        agent.withPropertyValues(UNSUBSCRIBE, TRACKING, "CAMPAIGN_WEBHOOK_SECRET=fifteen-chars!!")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("webhookSigningSecret")
                            .hasMessageContaining("at least 16 characters");
                });
    }

    @Test
    void startsWithTheSecretsItIsGiven() {
        agent.withPropertyValues(UNSUBSCRIBE, TRACKING, WEBHOOK).run(context -> {
            DeliveryProperties delivery = context.getBean(DeliveryProperties.class);
            assertThat(delivery.unsubscribeSecret()).isEqualTo("a-deployments-unsubscribe-secret");
            assertThat(delivery.trackingSecret()).isEqualTo("a-deployments-tracking-secret");
            assertThat(delivery.webhookSigningSecret()).isEqualTo("a-deployments-webhook-secret");
        });
    }

    @Test
    void signsTrackingLinksWithTheUnsubscribeSecretWhenGivenNoTrackingSecret() {
        agent.withPropertyValues(UNSUBSCRIBE, WEBHOOK).run(context -> assertThat(
                        context.getBean(DeliveryProperties.class).trackingSecret())
                .isEqualTo("a-deployments-unsubscribe-secret"));
    }
}
