package com.agentfactory.campaign.money;

import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.InvalidInputException;
import com.agentfactory.messaging.error.RuleViolationException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What every condition on money shares, segment rules and journey conditions alike. An amount is compared only with
 * money paid in the currency the condition names beside it, never with a figure in another currency, so the condition
 * must name one. Without one (or with one that is no ISO 4217 code) the amount is malformed money, as it would be
 * anywhere else in the API, and the request is answered 400; what else a condition gets wrong is the rule language's to
 * refuse, with 422.
 */
public final class MoneyConditions {

    // the check every order's currency passed on its way in, so any currency an order can be in can be named
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private MoneyConditions() {}

    public static boolean isCurrency(Object value) {
        return value instanceof String code && CURRENCY.matcher(code).matches();
    }

    /**
     * What is wrong with {@code currency} as the currency of an amount compared on {@code moneyField}, as a field
     * error's message; empty when it is an ISO 4217 code.
     */
    public static Optional<String> currencyRefusal(Object currency, String moneyField) {
        if (currency == null) {
            return Optional.of("is required for " + moneyField + ": the ISO 4217 code of the amount, such as GBP");
        }
        if (!isCurrency(currency)) {
            return Optional.of("must be an ISO 4217 code, such as GBP");
        }
        return Optional.empty();
    }

    /**
     * The refusal of a rule with these errors, every one of them named.
     *
     * @param malformedMoney whether an amount came without its currency or with one that is no ISO 4217 code
     * @return a 400 ({@link InvalidInputException}) for malformed money, else a 422 ({@link RuleViolationException})
     */
    public static InvalidInputException refusal(String title, List<FieldErrorDetail> errors, boolean malformedMoney) {
        return malformedMoney ? new InvalidInputException(title, errors) : new RuleViolationException(title, errors);
    }
}
