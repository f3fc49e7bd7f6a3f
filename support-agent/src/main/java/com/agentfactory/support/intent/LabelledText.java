package com.agentfactory.support.intent;

/** One training or test example: a customer message and the intent it expresses. */
public record LabelledText(String text, String label) {}
