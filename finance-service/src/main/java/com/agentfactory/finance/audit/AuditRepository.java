package com.agentfactory.finance.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class AuditRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "seq, id, table_name, record_id, action, user_id, agent_id,"
            + " old_values::text AS old_values, new_values::text AS new_values, changed_fields, occurred_at,"
            + " previous_hash, entry_hash";

    private final JdbcTemplate jdbc;

    AuditRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<AuditEntry> page(AuditQuery query) {
        List<Object> args = new ArrayList<>();
        String where = where(query, args);
        args.add(query.limit());
        args.add((long) (query.page() - 1) * query.limit());
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM audit_log" + where + " ORDER BY seq LIMIT ? OFFSET ?",
                this::map,
                args.toArray());
    }

    long count(AuditQuery query) {
        List<Object> args = new ArrayList<>();
        Long n = jdbc.queryForObject("SELECT count(*) FROM audit_log" + where(query, args), Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    /** Each entry in chain order with the hash recomputed from its stored content. */
    /** At most {@code limit} entries from {@code fromSeq} on, in chain order. */
    void walkChain(long fromSeq, int limit, ChainLink.Visitor visitor) {
        jdbc.query(
                "SELECT seq, previous_hash, entry_hash, audit_entry_hash(previous_hash, a) AS recomputed"
                        + " FROM audit_log a WHERE seq >= ? ORDER BY seq LIMIT ?",
                (RowCallbackHandler) rs -> visitor.visit(new ChainLink(
                        rs.getLong("seq"),
                        rs.getBytes("previous_hash"),
                        rs.getBytes("entry_hash"),
                        rs.getBytes("recomputed"))),
                fromSeq,
                limit);
    }

    /** The stored hash of an entry, which the next one must link to; empty when the entry is missing. */
    java.util.Optional<byte[]> entryHash(long seq) {
        return jdbc.queryForList("SELECT entry_hash FROM audit_log WHERE seq = ?", byte[].class, seq).stream()
                .findFirst();
    }

    ChainLink head() {
        return jdbc.queryForObject(
                "SELECT last_seq, last_hash FROM audit_chain_head",
                (rs, row) -> new ChainLink(rs.getLong("last_seq"), null, rs.getBytes("last_hash"), null));
    }

    byte[] genesisHash() {
        return jdbc.queryForObject("SELECT sha256(''::bytea)", byte[].class);
    }

    record ChainLink(long seq, byte[] previousHash, byte[] entryHash, byte[] recomputed) {

        boolean selfConsistent() {
            return Arrays.equals(entryHash, recomputed);
        }

        interface Visitor {
            void visit(ChainLink link);
        }
    }

    private static String where(AuditQuery query, List<Object> args) {
        List<String> clauses = new ArrayList<>();
        if (query.table() != null) {
            clauses.add("table_name = ?");
            args.add(query.table());
        }
        if (query.recordId() != null) {
            clauses.add("record_id = ?");
            args.add(query.recordId());
        }
        if (query.user() != null) {
            clauses.add("user_id = ?");
            args.add(query.user());
        }
        if (query.agent() != null) {
            clauses.add("agent_id = ?");
            args.add(query.agent());
        }
        if (query.from() != null) {
            clauses.add("occurred_at >= ?");
            args.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            clauses.add("occurred_at < ?");
            args.add(Timestamp.from(query.to()));
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private AuditEntry map(ResultSet rs, int row) throws SQLException {
        Array changed = rs.getArray("changed_fields");
        return new AuditEntry(
                rs.getLong("seq"),
                rs.getObject("id", UUID.class),
                rs.getString("table_name"),
                rs.getObject("record_id", UUID.class),
                rs.getString("action"),
                rs.getString("user_id"),
                rs.getString("agent_id"),
                rs.getString("old_values") == null ? null : JSON.readTree(rs.getString("old_values")),
                rs.getString("new_values") == null ? null : JSON.readTree(rs.getString("new_values")),
                changed == null ? List.of() : List.of((String[]) changed.getArray()),
                rs.getTimestamp("occurred_at").toInstant(),
                HexFormat.of().formatHex(rs.getBytes("previous_hash")),
                HexFormat.of().formatHex(rs.getBytes("entry_hash")));
    }
}
