package com.agentfactory.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Decides a request against the access-rule table. The platform's table ({@link #platform()}) is a resource of this
 * library rather than configuration, so that the gateway and every service enforce the same rules and no
 * deployment can loosen one of them alone. Pure, so the whole matrix is testable without a server.
 */
public final class AccessRules {

    static final String SELF_VARIABLE = "customerId";
    private static final String TABLE = "agentfactory/access-rules.yml";

    private final List<CompiledRule> rules;

    public AccessRules(List<AccessRule> rules) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        this.rules = rules.stream()
                .map(rule -> new CompiledRule(
                        rule, rule.patterns().stream().map(parser::parse).toList()))
                .toList();
    }

    /** The platform's table. */
    public static AccessRules platform() {
        try {
            var sources = new YamlPropertySourceLoader().load(TABLE, new ClassPathResource(TABLE));
            Table table = new Binder(ConfigurationPropertySources.from(sources))
                    .bind("agentfactory.access", Table.class)
                    .orElseThrow(() -> new IllegalStateException(TABLE + " holds no agentfactory.access.rules"));
            return new AccessRules(table.rules());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TABLE, e);
        }
    }

    public AccessDecision evaluate(String method, String path, AccessSubject subject) {
        PathContainer container = PathContainer.parsePath(path);
        boolean covered = false;
        for (CompiledRule rule : rules) {
            for (PathPattern pattern : rule.patterns()) {
                PathPattern.PathMatchInfo match = pattern.matchAndExtract(container);
                if (match == null) {
                    continue;
                }
                covered = true;
                if (grants(rule.rule(), method, match.getUriVariables(), subject)) {
                    return AccessDecision.GRANTED;
                }
            }
        }
        return covered ? AccessDecision.DENIED : AccessDecision.NOT_COVERED;
    }

    private static boolean grants(
            AccessRule rule, String method, Map<String, String> variables, AccessSubject subject) {
        if (!rule.methods().isEmpty() && !rule.methods().contains(method)) {
            return false;
        }
        if (rule.anonymous()) {
            return true;
        }
        if (!subject.authenticated() || rule.roles().stream().noneMatch(subject.roles()::contains)) {
            return false;
        }
        return !rule.self() || isOwnCustomerId(variables.get(SELF_VARIABLE), subject.customerId());
    }

    private static boolean isOwnCustomerId(String pathValue, UUID customerId) {
        if (pathValue == null || customerId == null) {
            return false;
        }
        try {
            return UUID.fromString(pathValue).equals(customerId);
        } catch (IllegalArgumentException notAUuid) {
            return false;
        }
    }

    record Table(List<AccessRule> rules) {}

    private record CompiledRule(AccessRule rule, List<PathPattern> patterns) {}
}
