package com.agentfactory.messaging.testing;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Every service under test verifies tokens with {@link TestTokens}' public key instead of fetching the gateway's. */
public class TestTokensContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new TestTokensCustomizer();
    }

    private static final class TestTokensCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            // last, so that a test naming its own key source wins
            context.getEnvironment()
                    .getPropertySources()
                    .addLast(new MapPropertySource(
                            "testTokens", Map.of("agentfactory.security.public-key", TestTokens.publicKey())));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestTokensCustomizer;
        }

        @Override
        public int hashCode() {
            return TestTokensCustomizer.class.hashCode();
        }
    }
}
