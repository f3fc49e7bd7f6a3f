package com.agentfactory.gateway.tracing;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which requests get an access-log line. A line per successful request cost about a twentieth of the gateway's CPU
 * in a profile under load (formatting and a synchronous console write on the event loop), while
 * {@code http.server.requests} already counts and times every request; so by default only the requests an operator
 * looks for are logged: refusals, failures and slow ones.
 *
 * @param allRequests log every request, successful and fast ones included
 * @param slowerThan a request that took at least this long is logged whatever its status
 */
@ConfigurationProperties("agentfactory.access-log")
@Validated
record AccessLogProperties(boolean allRequests, @NotNull Duration slowerThan) {

    /** Whether a finished request is logged: every one when asked to, otherwise the non-2xx/3xx and slow ones. */
    boolean logs(Integer status, long elapsedNanos) {
        return allRequests || status == null || status >= 400 || elapsedNanos >= slowerThan.toNanos();
    }
}
