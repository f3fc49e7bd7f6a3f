package com.agentfactory.inventory.config;

import jakarta.persistence.EntityManagerFactory;
import java.util.function.Supplier;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a task handler's work as a REST request runs it: outside the transaction in which the agent runtime claims
 * the task. Work designed to commit its own steps (finance is called between them) would otherwise join that one
 * transaction, and a failure would roll back steps whose effects at finance stay.
 *
 * <p>The runtime's transaction is suspended, not ended: its connection stays open with nothing on it but the claim,
 * so the work takes a second connection at a time; nothing in it touches the claim.
 */
@Component
public class OutsideTaskTransaction {

    private final TransactionTemplate suspending;

    OutsideTaskTransaction(EntityManagerFactory entityManagerFactory) {
        // a manager of its own, only to suspend: with no synchronization while suspended, no EntityManager or
        // connection is bound for the whole work, so each step opens and commits its own transaction as on REST
        JpaTransactionManager manager = new JpaTransactionManager(entityManagerFactory);
        manager.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ON_ACTUAL_TRANSACTION);
        this.suspending = new TransactionTemplate(manager);
        this.suspending.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    public <T> T run(Supplier<T> work) {
        return suspending.execute(status -> work.get());
    }
}
