package com.agentfactory.gateway.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RefreshTokenRepository {

    private final JdbcClient jdbc;

    RefreshTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredRefreshToken token) {
        jdbc.sql("""
                        INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at, created_at)
                        VALUES (:id, :userId, :familyId, :tokenHash, :expiresAt, :createdAt)
                        """)
                .param("id", token.id())
                .param("userId", token.userId())
                .param("familyId", token.familyId())
                .param("tokenHash", token.tokenHash())
                .param("expiresAt", Timestamp.from(token.expiresAt()))
                .param("createdAt", Timestamp.from(token.createdAt()))
                .update();
    }

    Optional<StoredRefreshToken> findByHash(String tokenHash) {
        return jdbc.sql("SELECT * FROM refresh_tokens WHERE token_hash = :tokenHash")
                .param("tokenHash", tokenHash)
                .query(RefreshTokenRepository::map)
                .optional();
    }

    /** Marks the token used; false when another request already did, which makes this one a reuse. */
    boolean revokeIfActive(UUID id, UUID replacedBy, Instant now) {
        return jdbc.sql("""
                                UPDATE refresh_tokens SET revoked_at = :now, replaced_by = :replacedBy
                                WHERE id = :id AND revoked_at IS NULL
                                """)
                        .param("id", id)
                        .param("replacedBy", replacedBy)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    int revokeFamily(UUID familyId, Instant now) {
        return jdbc.sql(
                        "UPDATE refresh_tokens SET revoked_at = :now WHERE family_id = :familyId AND revoked_at IS NULL")
                .param("familyId", familyId)
                .param("now", Timestamp.from(now))
                .update();
    }

    private static StoredRefreshToken map(ResultSet rs, int row) throws SQLException {
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        return new StoredRefreshToken(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getObject("family_id", UUID.class),
                rs.getString("token_hash"),
                rs.getTimestamp("expires_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                revokedAt == null ? null : revokedAt.toInstant());
    }
}
