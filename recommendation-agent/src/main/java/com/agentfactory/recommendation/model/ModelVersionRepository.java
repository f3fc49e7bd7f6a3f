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

    /** A number no other training, in this replica or another, has or will have. */
    int nextVersion() {
        return jdbc.queryForObject("SELECT nextval('model_version_numbers')", Integer.class);
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
