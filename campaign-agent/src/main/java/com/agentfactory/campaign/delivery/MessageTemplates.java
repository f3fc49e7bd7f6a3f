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
}
