package com.agentfactory.campaign.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.campaign.channel.Channel;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class UnsubscribePagesTest {

    @Test
    void fillsInTheFormsAddressAndTokenEscaped() {
        String action = "https://shop.example/api/v1/campaigns/unsubscribe?a=1&b=\"><script>alert(1)</script>";

        Document page = Jsoup.parse(UnsubscribePages.confirm(action, "tok\"en<b>", Channel.EMAIL));

        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("b")).isEmpty();
        assertThat(page.selectFirst("form").attr("action")).isEqualTo(action);
        assertThat(page.selectFirst("input[name=token]").attr("value")).isEqualTo("tok\"en<b>");
    }
}
