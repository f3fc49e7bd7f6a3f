package com.agentfactory.supervisor.privacy;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface PrivacyRequestEventRepository extends ListCrudRepository<PrivacyRequestEvent, Long> {

    List<PrivacyRequestEvent> findByRequestIdOrderById(UUID requestId);
}
