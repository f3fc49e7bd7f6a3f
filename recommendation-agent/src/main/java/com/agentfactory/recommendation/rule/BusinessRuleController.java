package com.agentfactory.recommendation.rule;

import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.recommendation.access.CallerAccess;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Staff API of the merchandising rules (pin, boost, block) applied to every recommendation list. */
@RestController
@RequestMapping("/api/v1/recommendations/rules")
class BusinessRuleController {

    private final BusinessRuleService rules;

    BusinessRuleController(BusinessRuleService rules) {
        this.rules = rules;
    }

    @GetMapping
    List<BusinessRuleResponse> list(Caller caller) {
        CallerAccess.requireMerchandiser(caller);
        return rules.list();
    }

    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "409", description = "The product already has a rule")
    @ApiResponse(responseCode = "422", description = "Well-formed but not acceptable: the fields at fault are named")
    @PostMapping
    ResponseEntity<BusinessRuleResponse> create(@Valid @RequestBody CreateBusinessRuleRequest request, Caller caller) {
        CallerAccess.requireMerchandiser(caller);
        BusinessRuleResponse created = rules.create(request);
        var location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(created.ruleId())
                .toUri();
        return ResponseEntity.created(location).body(created);
    }

    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/{ruleId}")
    ResponseEntity<Void> delete(@PathVariable UUID ruleId, Caller caller) {
        CallerAccess.requireMerchandiser(caller);
        rules.delete(ruleId);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }
}
