package com.agentfactory.campaign.journey;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface JourneyRepository extends JpaRepository<Journey, UUID> {

    boolean existsByNameIgnoreCase(String name);

    Optional<Journey> findByNameIgnoreCase(String name);

    List<Journey> findByActiveTrueAndTriggerEvent(String triggerEvent);

    List<Journey> findByActiveTrueAndTriggerType(String triggerType);
}
