package com.agentfactory.ad.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.testing.DeployedConfiguration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The bid API's keys as the agent binds them from its own application.yml: no exchange is configured there, the
 * agent does not start without one, and the simulated exchange's public key only with the simulated exchange on.
 */
class ExchangeKeysTest {

    private static final String WELL_KNOWN_SHA256 = "4e6ec065239f7f89fe224479ca9e36e1db0649f404d0bce0addf31d74654ca7d";
    private static final String OWN_KEY = "an-exchange-of-our-own";

    private final ApplicationContextRunner agent = new ApplicationContextRunner()
            .withInitializer(DeployedConfiguration::applicationYml)
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Keys.class);

    @EnableConfigurationProperties({ExchangeProperties.class, SimulatedExchangeProperties.class})
    @Import(ExchangeKeys.class)
    static class Keys {}

    @Test
    void doesNotStartWithoutAnExchangeKey() {
        agent.run(context -> assertThat(failure(context)).contains("at least one exchange's key"));
    }

    @Test
    void doesNotStartWithTheSimulatedExchangesPublicKeyWhileTheSimulatedExchangeIsOff() {
        agent.withPropertyValues("agentfactory.ad.exchange.keys.simulated=" + WELL_KNOWN_SHA256)
                .run(context -> assertThat(failure(context)).contains("publicly known simulated exchange key"));
        agent.withPropertyValues("agentfactory.ad.exchange.keys.primary=" + WELL_KNOWN_SHA256)
                .run(context -> assertThat(failure(context)).contains("publicly known simulated exchange key"));
    }

    @Test
    void takesTheSimulatedExchangesPublicKeyWhereTheSimulatedExchangeRuns() {
        agent.withPropertyValues(
                        "agentfactory.ad.exchange.keys.simulated=" + WELL_KNOWN_SHA256,
                        "agentfactory.ad.simulated-exchange.enabled=true")
                .run(context -> assertThat(
                                context.getBean(ExchangeKeys.class).exchangeOf(ExchangeKeys.WELL_KNOWN_SIMULATED_KEY))
                        .contains("simulated"));
    }

    @Test
    void recognisesAnExchangeByItsOwnKeyAndNoOtherExchangeBesideIt() {
        agent.withPropertyValues("agentfactory.ad.exchange.keys.primary=" + ExchangeKeys.sha256Hex(OWN_KEY))
                .run(context -> {
                    ExchangeKeys keys = context.getBean(ExchangeKeys.class);
                    assertThat(keys.exchangeOf(OWN_KEY)).contains("primary");
                    assertThat(keys.exchangeOf(ExchangeKeys.WELL_KNOWN_SIMULATED_KEY))
                            .isEmpty();
                });
    }

    @Test
    void doesNotStartWithTwoExchangesSharingAKeyAndNamesThemButNotTheirKey() {
        String shared = ExchangeKeys.sha256Hex(OWN_KEY);
        agent.withPropertyValues(
                        "agentfactory.ad.exchange.keys.primary=" + shared,
                        "agentfactory.ad.exchange.keys.backup=" + shared)
                .run(context -> assertThat(failure(context))
                        .contains("backup, primary are configured with the same key hash")
                        .doesNotContainIgnoringCase(shared));
    }

    private static String failure(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        List<String> messages = new ArrayList<>();
        for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return String.join(" / ", messages);
    }
}
