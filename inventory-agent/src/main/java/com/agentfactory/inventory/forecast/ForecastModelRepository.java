package com.agentfactory.inventory.forecast;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ForecastModelRepository extends JpaRepository<ForecastModel, UUID> {

    @Query("select coalesce(max(m.version), 0) from ForecastModel m")
    int lastVersion();
}
