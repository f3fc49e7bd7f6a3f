package com.agentfactory.messaging.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token that cannot be verified because the gateway's key set cannot be fetched says nothing about the caller:
 * the answer is 503 with a problem detail (try again shortly), not a 401 that would send a client to sign in again,
 * nor a bare 500. Runs just outside Spring Security's filters, which let such a failure escape.
 */
final class TokenVerificationUnavailableFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (AuthenticationServiceException e) {
            unavailable(response, e);
        } catch (ServletException e) {
            if (e.getCause() instanceof AuthenticationServiceException cause) {
                unavailable(response, cause);
                return;
            }
            throw e;
        }
    }

    private void unavailable(HttpServletResponse response, AuthenticationServiceException e) throws IOException {
        if (response.isCommitted()) {
            throw e;
        }
        logger.warn("Access token not verifiable: " + e.getMessage());
        response.reset();
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        Problems.write(
                response,
                HttpStatus.SERVICE_UNAVAILABLE,
                "Service Unavailable",
                "The access token cannot be verified right now; try again shortly.");
    }
}
