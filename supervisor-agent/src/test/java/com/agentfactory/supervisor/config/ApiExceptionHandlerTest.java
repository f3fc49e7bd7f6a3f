package com.agentfactory.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.supervisor.task.CustomerBeingErasedException;
import com.agentfactory.supervisor.task.TaskNotStoredException;
import com.agentfactory.supervisor.task.TaskOutcomeUnknownException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void anUnknownOutcomeIsA504NamingTheTaskIdsToLookUpWithoutInvitingARetry() {
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID());

        var answer = handler.outcomeUnknown(new TaskOutcomeUnknownException(ids, new TimeoutException()));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(answer.getHeaders().containsHeader("Retry-After")).isFalse();
        assertThat(answer.getBody().getTitle()).isEqualTo("Outcome unknown");
        assertThat(answer.getBody().getDetail())
                .contains("may or may not exist", "no idempotency key", "GET /api/v1/agents/tasks/{task_id}");
        assertThat(answer.getBody().getProperties()).containsEntry("task_ids", ids);
    }

    @Test
    void aTaskNotStoredIsA503InvitingARetry() {
        var answer = handler.unavailable(new TaskNotStoredException(new TimeoutException()));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
    }

    @Test
    void aTaskAboutACustomerBeingErasedIsA503AskingForTheErasuresLongerWaitInWholeSecondsRoundedUp() {
        var fiveSeconds = handler.customerBeingErased(new CustomerBeingErasedException(Duration.ofSeconds(5)));
        var overFour = handler.customerBeingErased(new CustomerBeingErasedException(Duration.ofMillis(4_001)));

        assertThat(fiveSeconds.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(fiveSeconds.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(overFour.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    }
}
