package com.agentfactory.inventory.replenishment;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReplenishmentPlanRepository extends JpaRepository<ReplenishmentPlan, ReplenishmentPlan.Key> {}
