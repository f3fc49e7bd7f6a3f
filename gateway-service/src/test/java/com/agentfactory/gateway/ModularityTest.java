package com.agentfactory.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gateway's structure, checked as the services' modularity tests check theirs. The gateway is a web
 * application through and through, so its web layer is wider than a service's: routing, rate limiting,
 * tracing, route access rules and error rendering work on requests by nature. Accounts and tokens do not.
 */
class ModularityTest {

    private static final String BASE = "com.agentfactory.gateway";
    private static final List<String> WEB_LAYER_PACKAGES =
            List.of("config", "error", "routing", "ratelimit", "tracing", "access", "limits");

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void domainCodeImportsNoWebTypes() {
        noClasses()
                .that(DescribedPredicate.not(webLayer()))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
                .because("accounts and tokens speak in domain exceptions; the error package maps them to HTTP")
                .check(classes);
    }

    @Test
    void onlyRateLimitingUsesRedis() {
        noClasses()
                .that()
                .resideOutsideOfPackages(BASE + ".ratelimit..", BASE + ".config..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.data.redis..", "io.lettuce..")
                .because("the rate limiter's buckets are the gateway's only state in Redis")
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> webLayer() {
        return DescribedPredicate.describe("the web layer", javaClass -> {
            JavaClass outer = javaClass.getEnclosingClass().orElse(javaClass);
            String name = outer.getSimpleName();
            return WEB_LAYER_PACKAGES.stream()
                            .anyMatch(feature -> outer.getPackageName().startsWith(BASE + "." + feature))
                    || name.endsWith("Controller")
                    || name.endsWith("Filter")
                    || name.endsWith("ExceptionHandler");
        });
    }
}
