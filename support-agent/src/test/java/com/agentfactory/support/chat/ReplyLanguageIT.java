package com.agentfactory.support.chat;

import static com.agentfactory.support.testdata.Messages.SHIPPING_TO_SPAIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.support.testdata.SupportApi.As;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import org.junit.jupiter.api.Test;

/** The bot answers and hands over in the message's language when the store serves it. */
class ReplyLanguageIT extends SupportIntegrationTest {

    private static final String GERMAN = "Guten Tag, meine Bestellung ist immer noch nicht angekommen. "
            + "Können Sie mir bitte sagen, wo mein Paket gerade ist?";

    @Test
    void handsAGermanMessageOverInGerman() {
        // a VIP always goes to a person, so the hand-over is what this message gets back
        var reply = api.say(GERMAN, null, As.customer(vipCustomer()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("/language")).isEqualTo("de");
        assertThat(reply.body().path("escalated").asBoolean()).isTrue();
        assertThat(reply.text("/reply"))
                .startsWith("Vielen Dank. Ich habe Ihr Anliegen")
                .doesNotContain("colleague");
    }

    @Test
    void keepsHandingOverInEnglishForAnEnglishMessage() {
        var reply = api.say(SHIPPING_TO_SPAIN, null, As.customer(vipCustomer()));

        assertThat(reply.text("/language")).isEqualTo("en");
        assertThat(reply.text("/reply")).startsWith("Thank you. I have passed your conversation to a colleague");
    }
}
