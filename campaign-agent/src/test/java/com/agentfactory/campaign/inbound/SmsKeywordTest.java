package com.agentfactory.campaign.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmsKeywordTest {

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", " Stop\n", "STOPALL", "Unsubscribe", "cancel", "END", "quit\t"})
    void readsEveryOptOutWordWhateverItsCaseAndSpacing(String text) {
        assertThat(SmsKeyword.of(text)).isEqualTo(SmsKeyword.OPT_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Stop.", "STOP!", "Stop 🙏", "\"stop\"", "...Stop!!", "Unsubscribe 👍", "END :)"})
    void readsAnOptOutWordWithThePunctuationAndEmojiPhonesAddAroundIt(String text) {
        assertThat(SmsKeyword.of(text)).isEqualTo(SmsKeyword.OPT_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"REVOKE", "Revoke.", "optout", "OptOut!", "OPT OUT", "opt out", "Opt  Out", "opt\nout 🙏"})
    void readsTheRevocationWordsTheFccNamesAsOptingOut(String text) {
        assertThat(SmsKeyword.of(text)).isEqualTo(SmsKeyword.OPT_OUT);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Opt-out",
                "OPT-OUT",
                "opt_out",
                "Opt\u2013out",
                "Opt\u2014Out!",
                "opt\u2010out",
                "Opt - out",
                "opt -_ out"
            })
    void readsOptOutJoinedByAHyphenDashOrUnderscoreAsOptingOut(String text) {
        assertThat(SmsKeyword.of(text)).isEqualTo(SmsKeyword.OPT_OUT);
    }

    @Test
    void namesAHyphenatedKeywordAsItsTwoWords() {
        assertThat(SmsKeyword.word("Opt\u2013out.")).isEqualTo("OPT OUT");
    }

    @Test
    void namesATwoWordKeywordWithOneSpaceBetweenItsWords() {
        assertThat(SmsKeyword.word(" opt \t out!")).isEqualTo("OPT OUT");
    }

    @Test
    void namesTheWordWithoutWhatSurroundsIt() {
        assertThat(SmsKeyword.word("  Stop!!!🙏\n")).isEqualTo("STOP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", " start ", "Start!"})
    void readsStartAsAskingToBeTextedAgain(String text) {
        assertThat(SmsKeyword.of(text)).isEqualTo(SmsKeyword.OPT_IN);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Thanks!",
                "don't stop",
                "STOP IT",
                "Stop it!",
                "Stop. Thanks",
                "S T O P",
                "S.T.O.P",
                "ENDS",
                "Opt out please",
                "please opt out",
                "opt in",
                "opt-in",
                "Stop-it",
                "REVOKED",
                "!!!",
                "🙏"
            })
    void takesAnyOtherTextForNoKeyword(String text) {
        assertThat(SmsKeyword.of(text)).isEqualTo(SmsKeyword.NONE);
    }
}
