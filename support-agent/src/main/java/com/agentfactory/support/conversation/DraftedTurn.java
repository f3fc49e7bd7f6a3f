package com.agentfactory.support.conversation;

import com.agentfactory.support.answer.DraftAnswer;
import com.agentfactory.support.understanding.MessageUnderstanding;

/**
 * The bot's reading of a message and the answer it would give.
 *
 * @param understanding what the message says, with the previous intent carried over when it fills a pending slot
 * @param slotFilled the message answered the question the bot asked (an order number on its own)
 * @param orderNumber the order the conversation is about, if any
 * @param pendingSlot what the bot asks for next, null when nothing
 */
record DraftedTurn(
        MessageUnderstanding understanding,
        DraftAnswer draft,
        boolean slotFilled,
        String orderNumber,
        PendingSlot pendingSlot) {}
