/** Replies to customers: templates filled with entities, order context and passages, optionally phrased by an LLM. */
package com.agentfactory.support.answer;
