package com.agentfactory.messaging.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * What every service's API must hold to, as tests a service's integration test class takes on by implementing
 * this: every operation of its OpenAPI document answers the bad-input corpus with problem details and writes
 * nothing it refused, refuses every request without a valid token with 401, has a row in the access matrix, and
 * admits exactly the callers that row admits, whoever routed the request.
 */
public interface ApiContractTests {

    /** The port the service under test listens on. */
    int serverPort();

    /** The corpus against this service, with the tables a refused write must leave unchanged. */
    default BadInputCorpus corpus() {
        return BadInputCorpus.againstStaff(serverPort());
    }

    /** The operations that must refuse a request without a platform token (those that authenticate otherwise not). */
    default Predicate<String> tokenOperations() {
        return operation -> true;
    }

    @Test
    default void answersEveryBadInputWithAProblemAndWritesNothing() {
        BadInputCorpus.Report report = corpus().run();

        assertThat(report.operations()).isNotEmpty();
        assertThat(report.violations()).isEmpty();
        assertThat(AccessMatrix.load().missing(report.operations()))
                .as("operations without a row in " + AccessMatrix.FILE)
                .isEmpty();
    }

    @Test
    default void admitsToEachOperationOnlyTheCallersTheAccessMatrixAdmits() {
        BadInputCorpus.Report report =
                corpus().onlyOperations(tokenOperations()).runAccessMatrix(AccessMatrix.load());

        assertThat(report.operations()).isNotEmpty();
        assertThat(report.violations()).isEmpty();
    }

    @Test
    default void refusesEveryOperationWithoutAValidTokenAndChangesNothing() {
        BadInputCorpus.Report report =
                corpus().onlyOperations(tokenOperations()).runWithoutValidToken();

        assertThat(report.operations()).isNotEmpty();
        assertThat(report.violations()).isEmpty();
    }
}
