package com.agentfactory.finance.audit;

import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the audit trigger who is acting. The actor is bound to the thread for a request or a message
 * (a web filter or the consumer does that); each writing service method then stamps it onto its database
 * transaction as transaction-local settings, which the trigger reads and which end with the transaction.
 */
@Component
public class AuditActor {

    private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

    private final JdbcTemplate jdbc;

    AuditActor(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public <T> T callAs(Actor actor, Supplier<T> work) {
        Actor previous = CURRENT.get();
        CURRENT.set(actor);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public void runAs(Actor actor, Runnable work) {
        callAs(actor, () -> {
            work.run();
            return null;
        });
    }

    /** Call first inside a writing transaction. */
    public void stamp() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the acting user is stamped on a transaction; none is active");
        }
        Actor actor = CURRENT.get() == null ? Actor.NOBODY : CURRENT.get();
        jdbc.queryForList(
                "SELECT set_config('agentfactory.user', ?, true), set_config('agentfactory.agent', ?, true)",
                actor.user() == null ? "" : actor.user(),
                actor.agent() == null ? "" : actor.agent());
    }
}
