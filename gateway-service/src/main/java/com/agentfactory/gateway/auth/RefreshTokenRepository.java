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

    // A sign-in began when its family's first token was issued; a family's rows are deleted only with its user.
    private static final String SELECT = """
            SELECT t.*,
                   (SELECT min(f.created_at) FROM refresh_tokens f WHERE f.family_id = t.family_id) AS session_started_at
            FROM refresh_tokens t
            """;

    private final JdbcClient jdbc;

    RefreshTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredRefreshToken token) {
        jdbc.sql("""
                        INSERT INTO refresh_tokens
                            (id, user_id, family_id, token_hash, expires_at, created_at, browser_hash)
                        VALUES (:id, :userId, :familyId, :tokenHash, :expiresAt, :createdAt, :browserHash)
                        """)
                .param("id", token.id())
                .param("userId", token.userId())
                .param("familyId", token.familyId())
                .param("tokenHash", token.tokenHash())
                .param("expiresAt", Timestamp.from(token.expiresAt()))
                .param("createdAt", Timestamp.from(token.createdAt()))
                .param("browserHash", token.browserHash())
                .update();
    }

    Optional<StoredRefreshToken> findByHash(String tokenHash) {
        return jdbc.sql(SELECT + "WHERE t.token_hash = :tokenHash")
                .param("tokenHash", tokenHash)
                .query(RefreshTokenRepository::map)
                .optional();
    }

    /** The token, locked until the transaction ends: uses of one token are decided one after the other. */
    Optional<StoredRefreshToken> lockByHash(String tokenHash) {
        return jdbc.sql(SELECT + "WHERE t.token_hash = :tokenHash FOR UPDATE OF t")
                .param("tokenHash", tokenHash)
                .query(RefreshTokenRepository::map)
                .optional();
    }

    Optional<StoredRefreshToken> lockById(UUID id) {
        return jdbc.sql(SELECT + "WHERE t.id = :id FOR UPDATE OF t")
                .param("id", id)
                .query(RefreshTokenRepository::map)
                .optional();
    }

    /** Marks a locked, unused token used, traded for {@code replacedBy}. */
    void markSpent(UUID id, UUID replacedBy, Instant now) {
        jdbc.sql("""
                        UPDATE refresh_tokens SET revoked_at = :now, replaced_by = :replacedBy
                        WHERE id = :id AND revoked_at IS NULL
                        """)
                .param("id", id)
                .param("replacedBy", replacedBy)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Points a spent token at the token that now stands in for the successor it was first traded for. */
    void replaceSuccessor(UUID id, UUID replacedBy) {
        jdbc.sql("UPDATE refresh_tokens SET replaced_by = :replacedBy WHERE id = :id")
                .param("id", id)
                .param("replacedBy", replacedBy)
                .update();
    }

    /**
     * Holds back, until the caller's transaction ends, every other use and revocation of this family: taken before any
     * of its rows is locked, so a revocation sees the successor a use inserted, which its UPDATE's snapshot would
     * otherwise miss while the use was uncommitted.
     */
    void lockFamily(UUID familyId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "gateway.refresh-family:" + familyId)
                .query((rs, row) -> Boolean.TRUE)
                .single();
    }

    /** Call with the family locked ({@link #lockFamily}), or a successor inserted concurrently escapes it. */
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
                revokedAt == null ? null : revokedAt.toInstant(),
                rs.getObject("replaced_by", UUID.class),
                rs.getTimestamp("session_started_at").toInstant(),
                rs.getString("browser_hash"));
    }
}
