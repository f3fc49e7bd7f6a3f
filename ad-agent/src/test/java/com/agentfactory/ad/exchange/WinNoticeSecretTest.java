package com.agentfactory.ad.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.testing.DeployedConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/**
 * The win-notice secret as the agent binds it from its own application.yml: there is none there, since a secret
 * anyone can read would let anyone sign a win notice the agent pays for, so the agent does not start without one.
 */
class WinNoticeSecretTest {

    private final ApplicationContextRunner agent = new ApplicationContextRunner()
            .withInitializer(DeployedConfiguration::applicationYml)
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Secret.class);

    @EnableConfigurationProperties(WinNoticeProperties.class)
    static class Secret {}

    @Test
    void doesNotStartWithoutAWinNoticeSecret() {
        agent.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("agentfactory.ad.exchange.win-notice")
                    .hasMessageContaining("secret");
        });
    }

    @Test
    void startsWithTheSecretItIsGiven() {
        agent.withPropertyValues("agentfactory.ad.exchange.win-notice.secret=a-deployments-own-secret")
                .run(context -> assertThat(
                                context.getBean(WinNoticeProperties.class).secret())
                        .isEqualTo("a-deployments-own-secret"));
    }
}
