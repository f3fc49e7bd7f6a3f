package com.agentfactory.messaging.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The structure every service keeps, checked by each service's modularity test: feature packages without
 * cycles, domain code free of web types, and Kafka types only where messages come and go.
 */
public final class ModularityRules {

    private static final String[] WEB_PACKAGES = {
        "org.springframework.web..", "org.springframework.http..", "jakarta.servlet.."
    };
    private static final String[] KAFKA_PACKAGES = {"org.apache.kafka..", "org.springframework.kafka.."};

    private final String basePackage;
    private final JavaClasses classes;

    private ModularityRules(String basePackage) {
        this.basePackage = basePackage;
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    public static ModularityRules of(String basePackage) {
        return new ModularityRules(basePackage);
    }

    /** No feature package depends on itself through another: each state machine has one owner. */
    public void checkFeaturePackagesAreFreeOfCycles() {
        ArchRule rule = slices().matching(basePackage + ".(*)..").should().beFreeOfCycles();
        rule.check(classes);
    }

    /** Web types (HTTP status, servlet, controller support) stay in controllers, advice, filters and configuration. */
    public void checkDomainCodeImportsNoWebTypes() {
        ArchRule rule = noClasses()
                .that(DescribedPredicate.not(webLayer()))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(WEB_PACKAGES)
                .because("domain code speaks in domain exceptions; the web layer maps them to HTTP");
        rule.check(classes);
    }

    /** Kafka types stay in the messaging and configuration packages. */
    public void checkOnlyMessagingCodeImportsKafkaTypes() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackages(basePackage + ".messaging..", basePackage + ".config..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(KAFKA_PACKAGES)
                .because("listeners and publishers live in messaging/, so the domain does not know the transport");
        rule.check(classes);
    }

    /** Controllers, exception advice, servlet filters, outbound HTTP clients and configuration. */
    private DescribedPredicate<JavaClass> webLayer() {
        return DescribedPredicate.describe("the web layer", javaClass -> {
            JavaClass outer = javaClass.getEnclosingClass().orElse(javaClass);
            String name = outer.getSimpleName();
            return outer.getPackageName().startsWith(basePackage + ".config")
                    || name.endsWith("Controller")
                    || name.endsWith("ExceptionHandler")
                    || name.endsWith("Filter")
                    || name.endsWith("Client");
        });
    }
}
