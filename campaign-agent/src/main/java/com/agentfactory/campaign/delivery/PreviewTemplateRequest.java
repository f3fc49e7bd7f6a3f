package com.agentfactory.campaign.delivery;

import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;

/**
 * What to fill a template with for a preview: the variables a journey step would pass, then the fields of
 * {@code customerId} (when given) for whatever the variables leave out, as a real send does.
 */
record PreviewTemplateRequest(
        UUID customerId, @Size(max = 100) Map<String, Object> variables) {}
