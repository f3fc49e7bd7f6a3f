package com.agentfactory.finance.audit;

import com.agentfactory.messaging.security.TokenCallers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the request's caller, as its verified token names it (this filter runs after the security filters),
 * the audit trail of what the request changes.
 */
@Component
class AuditActorFilter extends OncePerRequestFilter {

    private final AuditActor auditActor;

    AuditActorFilter(AuditActor auditActor) {
        this.auditActor = auditActor;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Actor actor = Actor.of(TokenCallers.current());
        try {
            auditActor.callAs(actor, () -> {
                try {
                    chain.doFilter(request, response);
                    return null;
                } catch (IOException | ServletException e) {
                    throw new WrappedException(e);
                }
            });
        } catch (WrappedException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) e.getCause();
        }
    }

    private static final class WrappedException extends RuntimeException {
        WrappedException(Exception cause) {
            super(cause);
        }
    }
}
