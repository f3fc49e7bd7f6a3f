package com.agentfactory.recommendation.model;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class ModelVersionRepository {

    private final JdbcTemplate jdbc;

    ModelVersionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    int latestVersion() {
        Integer version = jdbc.queryForObject("SELECT max(version) FROM model_versions", Integer.class);
        return version == null ? 0 : version;
    }

    void insert(
            String modelType, int version, Instant trainedAt, int interactions, int users, int items, String metrics) {
        jdbc.update(
                "INSERT INTO model_versions (id, model_type, version, trained_at, interactions, users, items, metrics)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)",
                UUID.randomUUID(),
                modelType,
                version,
                Timestamp.from(trainedAt),
                interactions,
                users,
                items,
                metrics);
    }
}
