package com.agentfactory.support.transcript;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
        return insert(conversationId, author, authorId, body, source, null, now);
    }

    /**
     * Appends a customer message (RECEIVED).
     *
     * @param externalId the channel's own id for it, null when the channel gives none; unique per author
     */
    public UUID appendCustomer(UUID conversationId, String authorId, String body, String externalId, Instant now) {
        return insert(conversationId, MessageRole.CUSTOMER, authorId, body, null, externalId, now);
    }

    /**
     * Holds back, until the caller's transaction ends, any other delivery of the message the author sent under this
     * id, so that of two deliveries at once one is stored and the other finds it.
     */
    public void lockDelivery(String authorId, String externalId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "support.inbound:" + authorId + "\n" + externalId)
                .query((rs, row) -> Boolean.TRUE)
                .single();
    }

    /** The message the author already sent under this id, with the reply it got once its turn was recorded. */
    public Optional<Delivery> findDelivery(String authorId, String externalId) {
        return jdbc.sql("""
                        SELECT id, status, outcome::text AS outcome FROM conversation_messages
                        WHERE author = 'CUSTOMER' AND author_id = :author AND external_id = :external
                        """)
                .param("author", authorId)
                .param("external", externalId)
                .query((rs, row) -> new Delivery(
                        rs.getObject("id", UUID.class),
                        MessageStatus.valueOf(rs.getString("status")),
                        rs.getString("outcome")))
                .optional();
    }

    /** Keeps the reply a message got, for a message a channel may deliver again (one with an external id). */
    public void recordOutcome(UUID id, String outcomeJson) {
        jdbc.sql("""
                        UPDATE conversation_messages SET outcome = CAST(:outcome AS jsonb)
                        WHERE id = :id AND external_id IS NOT NULL
                        """).param("id", id).param("outcome", outcomeJson).update();
    }

    /** @param outcomeJson the reply the first delivery got, null while its turn is not recorded */
    public record Delivery(UUID messageId, MessageStatus status, String outcomeJson) {}

    private UUID insert(
            UUID conversationId,
            MessageRole author,
            String authorId,
            String body,
            ReplySource source,
            String externalId,
            Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO conversation_messages (id, conversation_id, sequence_number, author, author_id, body,
                                                           status, answer_source, external_id, created_at)
                        SELECT :id, :conversation, coalesce(max(sequence_number), 0) + 1, :author, :authorId, :body,
                               :status, :source, :external, :now
                        FROM conversation_messages WHERE conversation_id = :conversation
                        """)
                .param("id", id)
                .param("conversation", conversationId)
                .param("author", author.name())
                .param("authorId", authorId)
                .param("body", body)
                .param("status", (author == MessageRole.CUSTOMER ? MessageStatus.RECEIVED : MessageStatus.SENT).name())
                .param("source", source == null ? null : source.name())
                .param("external", externalId)
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

    /** The language detected in the customer's latest understood message, empty before one was understood. */
    public Optional<String> lastCustomerLanguage(UUID conversationId) {
        return jdbc.sql("""
                        SELECT language FROM conversation_messages
                        WHERE conversation_id = :conversation AND author = :customer AND language IS NOT NULL
                        ORDER BY sequence_number DESC LIMIT 1
                        """)
                .param("conversation", conversationId)
                .param("customer", MessageRole.CUSTOMER.name())
                .query(String.class)
                .optional();
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
