package com.agentfactory.support.conversation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The messages of conversations; callers hold the conversation's lock while appending. */
@Repository
public class MessageRepository {

    private final JdbcClient jdbc;

    MessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends a message; a customer message starts RECEIVED, replies start SENT. */
    public UUID append(
            UUID conversationId, String author, String authorId, String body, String answerSource, Instant now) {
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
                .param("author", author)
                .param("authorId", authorId)
                .param("body", body)
                .param("status", author.equals("CUSTOMER") ? "RECEIVED" : "SENT")
                .param("source", answerSource)
                .param("now", Timestamp.from(now))
                .update();
        return id;
    }

    void markProcessed(UUID id, String language, String intentsJson, String entitiesJson, double sentiment) {
        jdbc.sql("""
                        UPDATE conversation_messages SET status = 'PROCESSED', language = :language,
                               intents = CAST(:intents AS jsonb), entities = CAST(:entities AS jsonb),
                               sentiment_score = :sentiment
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("language", language)
                .param("intents", intentsJson)
                .param("entities", entitiesJson)
                .param("sentiment", sentiment)
                .update();
    }

    void markFailed(UUID id) {
        jdbc.sql("UPDATE conversation_messages SET status = 'FAILED' WHERE id = :id")
                .param("id", id)
                .update();
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
                        rs.getString("author"),
                        rs.getString("author_id"),
                        rs.getString("body"),
                        rs.getString("status"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** The customer's previous message text, for follow-ups too short to search on their own. */
    String previousCustomerText(UUID conversationId, UUID before) {
        return jdbc.sql("""
                        SELECT body FROM conversation_messages
                        WHERE conversation_id = :conversation AND author = 'CUSTOMER' AND id <> :before
                        ORDER BY sequence_number DESC LIMIT 1
                        """)
                .param("conversation", conversationId)
                .param("before", before)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
