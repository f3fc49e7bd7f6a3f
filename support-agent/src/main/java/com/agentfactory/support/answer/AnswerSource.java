package com.agentfactory.support.answer;

public enum AnswerSource {
    TEMPLATE,
    LLM
}
