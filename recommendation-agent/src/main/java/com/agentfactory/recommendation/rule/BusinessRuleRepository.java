package com.agentfactory.recommendation.rule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class BusinessRuleRepository {

    private final JdbcTemplate jdbc;

    BusinessRuleRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns false when the product already has a rule. */
    boolean insert(BusinessRule rule) {
        try {
            jdbc.update(
                    "INSERT INTO recommendation_rules (rule_id, kind, product_id, position, boost, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    rule.ruleId(),
                    rule.kind().name(),
                    rule.productId(),
                    rule.position(),
                    rule.boost(),
                    Timestamp.from(rule.createdAt()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    List<BusinessRule> all() {
        return jdbc.query(
                "SELECT rule_id, kind, product_id, position, boost, created_at FROM recommendation_rules"
                        + " ORDER BY created_at, rule_id",
                BusinessRuleRepository::map);
    }

    boolean delete(UUID ruleId) {
        return jdbc.update("DELETE FROM recommendation_rules WHERE rule_id = ?", ruleId) == 1;
    }

    private static BusinessRule map(ResultSet row, int rowNumber) throws SQLException {
        return new BusinessRule(
                row.getObject("rule_id", UUID.class),
                BusinessRuleKind.valueOf(row.getString("kind")),
                row.getObject("product_id", UUID.class),
                (Integer) row.getObject("position"),
                row.getBigDecimal("boost"),
                row.getTimestamp("created_at").toInstant());
    }
}
