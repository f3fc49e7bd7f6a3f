package com.agentfactory.support.transcript;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The messages of conversations; callers hold the conversation's lock while appending, so numbers do not clash. */
@Repository
public class TranscriptRepository {

    private final JdbcClient jdbc;

    TranscriptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends a message; a customer message starts RECEIVED, replies start SENT.
     *
     * @param source where a bot reply came from, null for other messages
     */
    public UUID append(
            UUID conversationId, MessageRole author, String authorId, String body, ReplySource source, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO conversation_messages (id, conversation_id, sequence_number, author, author_id, body,
                                                           status, answer_source, created_at)
                        SELECT :id, :conversation, coalesce(max(sequence_number), 0) + 1, :author, :authorId, :body,
                               :status, :source, :now
                        FROM conversation_messages WHERE conversation_id = :conversation
                        """)
                .param("id", id)
                .param("conversation", conversationId)
                .param("author", author.name())
                .param("authorId", authorId)
                .param("body", body)
                .param("status", (author == MessageRole.CUSTOMER ? MessageStatus.RECEIVED : MessageStatus.SENT).name())
                .param("source", source == null ? null : source.name())
                .param("now", Timestamp.from(now))
                .update();
        return id;
    }

    /**
     * Marks a customer message answered.
     *
     * @return false when it was no longer RECEIVED (handed to a person meanwhile), and nothing changed
     */
    public boolean markProcessed(UUID id, String language, String intentsJson, String entitiesJson, double sentiment) {
        return jdbc.sql("""
                        UPDATE conversation_messages SET status = :status, language = :language,
                               intents = CAST(:intents AS jsonb), entities = CAST(:entities AS jsonb),
                               sentiment_score = :sentiment
                        WHERE id = :id AND status = 'RECEIVED'
                        """)
                        .param("id", id)
                        .param("status", MessageStatus.PROCESSED.name())
                        .param("language", language)
                        .param("intents", intentsJson)
                        .param("entities", entitiesJson)
                        .param("sentiment", sentiment)
                        .update()
                > 0;
    }

    /**
     * Marks a customer message as one the pipeline could not answer.
     *
     * @return false when it was no longer RECEIVED (answered or handed over meanwhile), and nothing changed
     */
    public boolean markFailed(UUID id) {
        return jdbc.sql("UPDATE conversation_messages SET status = :status WHERE id = :id AND status = 'RECEIVED'")
                        .param("id", id)
                        .param("status", MessageStatus.FAILED.name())
                        .update()
                > 0;
    }

    public List<TranscriptMessage> transcript(UUID conversationId) {
        return jdbc.sql("""
                        SELECT id, sequence_number, author, author_id, body, status, created_at
                        FROM conversation_messages WHERE conversation_id = :id ORDER BY sequence_number
                        """)
                .param("id", conversationId)
                .query((rs, row) -> new TranscriptMessage(
                        rs.getObject("id", UUID.class),
                        rs.getInt("sequence_number"),
                        MessageRole.valueOf(rs.getString("author")),
                        rs.getString("author_id"),
                        rs.getString("body"),
                        MessageStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** The customer's previous message text, for follow-ups too short to search on their own. */
    public String previousCustomerText(UUID conversationId, UUID before) {
        return jdbc.sql("""
                        SELECT body FROM conversation_messages
                        WHERE conversation_id = :conversation AND author = :customer AND id <> :before
                        ORDER BY sequence_number DESC LIMIT 1
                        """)
                .param("conversation", conversationId)
                .param("customer", MessageRole.CUSTOMER.name())
                .param("before", before)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
