package com.agentfactory.infra.test;

import com.agentfactory.infra.LocalInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import org.springframework.context.ConfigurableApplicationContext;
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

    /**
     * The test contexts using the shared servers. At the JVM's exit Spring Boot's own hook closes them while the
     * servers' hook runs beside it; the servers wait until every context is closed, or until the deadline (the test
     * runner kills a JVM 30 s after its exit began). Only waiting, never closing: a close from a second thread gives
     * up at once when it finds the first one waiting, and would not wait for it.
     */
    private static final class OpenContexts {

        private static final Duration DEADLINE = Duration.ofSeconds(20);
        // weakly held: a context closed early (a dirtied one) must not be kept alive until the JVM exits
        // guarded by the class lock, like registered
        private static final Set<ConfigurableApplicationContext> contexts =
                Collections.newSetFromMap(new WeakHashMap<>());
        private static boolean registered;

        static synchronized void track(LocalInfrastructure infrastructure, ConfigurableApplicationContext context) {
            if (!registered) {
                infrastructure.beforeStopping(OpenContexts::awaitClosed);
                registered = true;
            }
            contexts.add(context);
        }

        private static void awaitClosed() {
            List<ConfigurableApplicationContext> open;
            synchronized (OpenContexts.class) {
                open = new ArrayList<>(contexts);
            }
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            try {
                for (ConfigurableApplicationContext context : open) {
                    while (context.isActive() && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final class LocalInfrastructureCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(
                ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration mergedConfig) {
            LocalInfrastructure infrastructure = LocalInfrastructure.shared();
            OpenContexts.track(infrastructure, context);
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
