package com.agentfactory.campaign.delivery;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class MessageTemplates {

    private final JdbcTemplate jdbc;

    MessageTemplates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MessageTemplate> find(String channel, String templateId) {
        List<MessageTemplate> found = jdbc.query(
                "SELECT * FROM message_templates WHERE channel = ? AND template_id = ?",
                (rs, row) -> new MessageTemplate(
                        rs.getString("channel"),
                        rs.getString("template_id"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getString("updated_by"),
                        rs.getTimestamp("updated_at").toInstant()),
                channel,
                templateId);
        return found.stream().findFirst();
    }

    void save(MessageTemplate template) {
        jdbc.update(
                """
                INSERT INTO message_templates (channel, template_id, subject, body, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (channel, template_id) DO UPDATE SET
                    subject = EXCLUDED.subject, body = EXCLUDED.body,
                    updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                """,
                template.channel(),
                template.templateId(),
                template.subject(),
                template.body(),
                template.updatedBy(),
                Timestamp.from(template.updatedAt()));
    }

    List<TemplateSummaryResponse> list(String channel, int page, int limit) {
        return jdbc.query(
                """
                SELECT channel, template_id, subject, updated_by, updated_at FROM message_templates
                WHERE CAST(? AS VARCHAR) IS NULL OR channel = ?
                ORDER BY channel, template_id LIMIT ? OFFSET ?
                """,
                (rs, row) -> new TemplateSummaryResponse(
                        rs.getString("channel"),
                        rs.getString("template_id"),
                        rs.getString("subject"),
                        rs.getString("updated_by"),
                        rs.getTimestamp("updated_at").toInstant()),
                channel,
                channel,
                limit,
                (long) (page - 1) * limit);
    }

    long count(String channel) {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM message_templates WHERE CAST(? AS VARCHAR) IS NULL OR channel = ?",
                Long.class,
                channel,
                channel);
        return count == null ? 0 : count;
    }
}
