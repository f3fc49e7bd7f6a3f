package com.agentfactory.support.chat;

import com.agentfactory.support.transcript.TranscriptMessage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

record ConversationResponse(UUID conversationId, String channel, Instant createdAt, List<TranscriptMessage> messages) {}
