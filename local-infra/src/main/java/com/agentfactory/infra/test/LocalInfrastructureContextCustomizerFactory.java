package com.agentfactory.infra.test;

import com.agentfactory.infra.LocalInfrastructure;
import java.util.List;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/** Hands the shared servers' connection settings to every test context marked {@link UsesLocalInfrastructure}. */
public class LocalInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        boolean marked = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(UsesLocalInfrastructure.class);
        return marked ? new LocalInfrastructureCustomizer() : null;
    }

    private static final class LocalInfrastructureCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(
                org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration mergedConfig) {
            LocalInfrastructure infrastructure = LocalInfrastructure.shared();
            infrastructure.closeBeforeStopping(context);
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("localInfrastructure", infrastructure.springProperties()));
        }

        // every customizer is the same, so contexts that differ only by it stay cached together
        @Override
        public boolean equals(Object other) {
            return other instanceof LocalInfrastructureCustomizer;
        }

        @Override
        public int hashCode() {
            return LocalInfrastructureCustomizer.class.hashCode();
        }
    }
}
