package com.agentfactory.inventory.forecast;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface StoredSkuForecastRepository extends JpaRepository<StoredSkuForecast, UUID> {

    Optional<StoredSkuForecast> findByModelIdAndSku(UUID modelId, String sku);

    long countByModelId(UUID modelId);
}
