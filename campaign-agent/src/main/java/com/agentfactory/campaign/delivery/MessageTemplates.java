package com.agentfactory.campaign.delivery;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

@Repository
class MessageTemplates {

    private final JdbcTemplate jdbc;

    MessageTemplates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final RowMapper<MessageTemplate> TEMPLATE = (rs, row) -> new MessageTemplate(
            rs.getString("channel"),
            rs.getString("template_id"),
            rs.getString("subject"),
            rs.getString("body"),
            rs.getString("updated_by"),
            rs.getTimestamp("updated_at").toInstant(),
            rs.getLong("version"));

    Optional<MessageTemplate> find(String channel, String templateId) {
        return jdbc
                .query(
                        "SELECT * FROM message_templates WHERE channel = ? AND template_id = ?",
                        TEMPLATE,
                        channel,
                        templateId)
                .stream()
                .findFirst();
    }

    /**
     * Stores the template if what is stored meets the precondition, in one statement so that no save can come
     * between the check and the write; the template as stored (with its new version), or empty when the
     * precondition did not hold.
     */
    Optional<MessageTemplate> save(MessageTemplate template, TemplatePrecondition precondition) {
        Object[] values = {
            template.channel(),
            template.templateId(),
            template.subject(),
            template.body(),
            template.updatedBy(),
            Timestamp.from(template.updatedAt())
        };
        List<MessageTemplate> saved =
                switch (precondition) {
                    case TemplatePrecondition.None none -> jdbc.query("""
                                INSERT INTO message_templates (channel, template_id, subject, body, updated_by, updated_at)
                                VALUES (?, ?, ?, ?, ?, ?)
                                ON CONFLICT (channel, template_id) DO UPDATE SET
                                    subject = EXCLUDED.subject, body = EXCLUDED.body,
                                    updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at,
                                    version = message_templates.version + 1
                                RETURNING *
                                """, TEMPLATE, values);
                    case TemplatePrecondition.Absent absent -> jdbc.query("""
                                INSERT INTO message_templates (channel, template_id, subject, body, updated_by, updated_at)
                                VALUES (?, ?, ?, ?, ?, ?)
                                ON CONFLICT (channel, template_id) DO NOTHING
                                RETURNING *
                                """, TEMPLATE, values);
                    case TemplatePrecondition.AnyVersion any -> replace(template, null);
                    case TemplatePrecondition.OneOf oneOf ->
                        oneOf.versions().isEmpty()
                                ? List.of()
                                : replace(
                                        template,
                                        String.join(
                                                ",",
                                                oneOf.versions().stream()
                                                        .map(String::valueOf)
                                                        .toList()));
                };
        return saved.stream().findFirst();
    }

    // versions: comma-separated, or null for any
    private List<MessageTemplate> replace(MessageTemplate template, String versions) {
        return jdbc.query(
                """
                UPDATE message_templates SET subject = ?, body = ?, updated_by = ?, updated_at = ?, version = version + 1
                WHERE channel = ? AND template_id = ?
                  AND (CAST(? AS TEXT) IS NULL OR version = ANY (CAST(string_to_array(?, ',') AS BIGINT[])))
                RETURNING *
                """,
                TEMPLATE,
                template.subject(),
                template.body(),
                template.updatedBy(),
                Timestamp.from(template.updatedAt()),
                template.channel(),
                template.templateId(),
                versions,
                versions);
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
