package com.agentfactory.messaging.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Query parameters and path variables that do not convert are answered like invalid body fields: named, with why. */
class ParameterProblemsTest {

    enum Status {
        ACTIVE,
        PAUSED
    }

    @RestController
    static class ThingsController {

        @GetMapping("/things/{id}")
        String thing(@PathVariable UUID id) {
            return id.toString();
        }

        @GetMapping("/things")
        String things(
                @RequestParam(name = "status", required = false) Status status,
                @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                        LocalDate from,
                @RequestParam(name = "limit", defaultValue = "20") int limit) {
            return status + " " + from + " " + limit;
        }

        @GetMapping("/search")
        String search(@RequestParam(name = "customer_id") UUID customerId) {
            return customerId.toString();
        }
    }

    /** As each service declares its own. */
    @RestControllerAdvice
    static class ServiceAdvice extends ApiExceptionHandlerSupport {}

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new ThingsController())
            .setControllerAdvice(new ServiceAdvice())
            .setMessageConverters(new JacksonJsonHttpMessageConverter())
            .build();

    @Test
    void namesAMalformedPathVariableAndSaysItMustBeAUuid() throws Exception {
        mvc.perform(get("/things/not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a UUID"));
    }

    @Test
    void listsTheValuesAnUnknownEnumQueryParameterCouldHave() throws Exception {
        mvc.perform(get("/things").param("status", "actve"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].message").value("must be one of ACTIVE, PAUSED"));
    }

    @Test
    void saysWhatADateOrNumberParameterMustLookLike() throws Exception {
        mvc.perform(get("/things").param("from", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a date (yyyy-mm-dd)"));
        mvc.perform(get("/things").param("limit", "ten"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a number"));
    }

    @Test
    void namesAMissingRequiredParameter() throws Exception {
        mvc.perform(get("/search"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[0].field").value("customer_id"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"));
    }
}
