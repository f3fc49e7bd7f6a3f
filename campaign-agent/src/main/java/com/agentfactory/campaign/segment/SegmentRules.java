package com.agentfactory.campaign.segment;

import com.agentfactory.campaign.money.MoneyConditions;
import com.agentfactory.messaging.error.InvalidInputException;
import com.agentfactory.messaging.error.RuleViolationException;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The segment language's one entry point: checks a rule as given in JSON and compiles it to parameterised SQL. */
public final class SegmentRules {

    // plain mapper: a rule's keys are the language's own words, not Java property names to rename
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SegmentRules() {}

    /**
     * @param rule the rule as read from JSON
     * @param path the rule's name in the request ({@code rules}), prefixed to every error's field
     * @throws InvalidInputException naming each part of the rule at fault, when an amount has no currency or one
     *     that is no ISO 4217 code: an amount without its currency is malformed money, as it is anywhere in the API
     * @throws RuleViolationException naming each part of the rule at fault, for any other rule the language refuses
     */
    public static CompiledSegment compile(Object rule, String path) {
        SegmentRuleParser.Parsed parsed = SegmentRuleParser.parse(rule, path);
        if (parsed.rule().isPresent()) {
            return SegmentSqlCompiler.compile(parsed.rule().get());
        }
        throw MoneyConditions.refusal("The segment rule is not valid.", parsed.errors(), parsed.malformedMoney());
    }

    /** The rule as stored: the JSON it was given. */
    public static String toJson(Map<String, Object> rule) {
        return JSON.writeValueAsString(rule);
    }

    public static Map<String, Object> fromJson(String json) {
        return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
    }
}
