package com.agentfactory.supervisor.capability;

import com.agentfactory.messaging.capability.AgentCapabilities;
import com.agentfactory.messaging.capability.TaskTypeDescriptor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Keeps what each agent type announced: an announcement replaces the type's previous set, in the database
 * and then in the catalog intake reads. The catalog is loaded from the database before the supervisor
 * takes requests or reads announcements.
 */
@Service
public class CapabilityService implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CapabilityService.class);

    private final AgentCapabilitiesRepository repository;
    private final TaskTypeCatalog catalog;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CapabilityService(
            AgentCapabilitiesRepository repository,
            TaskTypeCatalog catalog,
            TransactionTemplate transactions,
            Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        catalog.replaceAll(repository.findAll());
        log.info("Loaded {} announced task type(s)", catalog.all().size());
    }

    /** The agent type handles exactly these task types from now on. */
    public void announce(AgentCapabilities capabilities) {
        Instant announcedAt = capabilities.announcedAt() == null ? clock.instant() : capabilities.announcedAt();
        List<AnnouncedTaskType> taskTypes = capabilities.taskTypes().stream()
                .map(descriptor -> announced(capabilities.agentType(), descriptor, announcedAt))
                .toList();
        // compiled before anything is stored, so an announcement with a schema the validator cannot read is refused
        // whole
        var compiled = TaskTypeCatalog.compile(taskTypes);
        transactions.executeWithoutResult(status -> repository.replace(capabilities.agentType(), taskTypes));
        catalog.replace(capabilities.agentType(), compiled);
        log.info(
                "{} announced task types {}",
                capabilities.agentType(),
                taskTypes.stream().map(AnnouncedTaskType::taskType).toList());
    }

    private static AnnouncedTaskType announced(String agentType, TaskTypeDescriptor descriptor, Instant at) {
        JsonNode inputSchema =
                descriptor.inputSchema() == null || descriptor.inputSchema().isNull()
                        ? JsonNodeFactory.instance.objectNode()
                        : descriptor.inputSchema();
        return new AnnouncedTaskType(
                agentType,
                descriptor.taskType(),
                descriptor.description(),
                inputSchema,
                descriptor.outputSchema(),
                descriptor.exampleInput(),
                at);
    }
}
