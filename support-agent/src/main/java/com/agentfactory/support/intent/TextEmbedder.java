package com.agentfactory.support.intent;

import java.util.List;

/** Turns sentences into fixed-size vectors; one row per input text, in input order. */
public interface TextEmbedder {

    float[][] embed(List<String> texts);

    default float[] embed(String text) {
        return embed(List.of(text))[0];
    }
}
