package com.agentfactory.messaging.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

class RequestParameterNamesTest {

    static class OrdersEndpoint {
        void place(
                @RequestHeader("Idempotency-Key") @Size(max = 3) String idempotencyKey,
                @RequestParam(name = "fiscalPeriod") @Size(max = 3) String period,
                @PathVariable @Size(max = 3) String departmentName,
                @Valid List<Line> orderLines) {}
    }

    record Line(@NotBlank String stockCode) {}

    @Test
    void namesRejectedParametersAsTheCallerSentThemNotAsJavaNamesThem() throws Exception {
        var validator = Validation.buildDefaultValidatorFactory().getValidator().forExecutables();
        var method =
                OrdersEndpoint.class.getDeclaredMethod("place", String.class, String.class, String.class, List.class);
        Set<String> fields = new java.util.TreeSet<>();
        validator
                .validateParameters(new OrdersEndpoint(), method, new Object[] {
                    "long key", "2026-12", "marketing", List.of(new Line("ok"), new Line(""))
                })
                .forEach(violation -> fields.add(RequestParameterNames.of(violation)));

        assertThat(fields)
                .containsExactly("Idempotency-Key", "department_name", "fiscalPeriod", "order_lines[1].stock_code");
    }
}
