package com.agentfactory.support.intent;

import java.util.ArrayList;
import java.util.List;

/** Object Mother: a small store's own intent examples, enough to train a classifier in a second. */
public final class IntentExamples {

    private IntentExamples() {}

    public static List<LabelledText> smallStore() {
        List<LabelledText> examples = new ArrayList<>();
        add(
                examples,
                "order_status",
                "where is my order",
                "has my parcel shipped yet",
                "when will my package arrive",
                "track my order please",
                "my order has not arrived",
                "what is the status of my purchase",
                "is my delivery on its way",
                "I am still waiting for my parcel");
        add(
                examples,
                "return_request",
                "I want to return these shoes",
                "how do I send an item back",
                "can I return a product I bought",
                "the jacket does not fit, I would like to return it",
                "start a return for my order",
                "I need a return label",
                "how can I exchange an item for another size",
                "I would like to send back the dress");
        add(
                examples,
                "account_password",
                "I forgot my password",
                "reset my password please",
                "I cannot log in to my account",
                "how do I change my password",
                "my login does not work",
                "password recovery",
                "I am locked out of my account",
                "help me recover my password");
        return examples;
    }

    /** Messages that belong to none of the store's intents. */
    public static List<String> outOfScope() {
        return List.of(
                "what is the capital of Australia",
                "tell me a joke about penguins",
                "how many moons does Jupiter have",
                "recommend a good pasta recipe");
    }

    private static void add(List<LabelledText> examples, String label, String... texts) {
        for (String text : texts) {
            examples.add(new LabelledText(text, label));
        }
    }
}
