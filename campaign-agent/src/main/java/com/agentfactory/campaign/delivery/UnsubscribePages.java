package com.agentfactory.campaign.delivery;

import com.agentfactory.campaign.channel.Channel;
import java.util.Map;

/**
 * The pages a person sees who followed an e-mail's unsubscribe link: plain HTML without scripts, so that they work
 * in any browser, every value filled in HTML-escaped, so that nothing in a link carries markup into them.
 */
final class UnsubscribePages {

    /** The field the page's form adds, by which its POST is told from a mail client's one-click POST. */
    static final String FROM_PAGE = "confirm";

    // asks before unsubscribing: opening the link must change nothing, since mail scanners open every link
    private static final String CONFIRM = page(
            "Unsubscribe",
            "<p>Stop {{channel}} messages from us?</p>"
                    + "<form method=\"post\" action=\"{{action}}\">"
                    + "<input type=\"hidden\" name=\"token\" value=\"{{token}}\">"
                    + "<input type=\"hidden\" name=\"" + FROM_PAGE + "\" value=\"yes\">"
                    + "<button type=\"submit\">Unsubscribe</button>"
                    + "</form>");

    private static final String UNSUBSCRIBED =
            page("Unsubscribed", "<p>You are unsubscribed: you will receive no more {{channel}} messages from us.</p>");

    private UnsubscribePages() {}

    static String confirm(String action, String token, Channel channel) {
        return TemplateRenderer.html(CONFIRM, Map.of("action", action, "token", token, "channel", channel.wireName()));
    }

    static String unsubscribed(Channel channel) {
        return TemplateRenderer.html(UNSUBSCRIBED, Map.of("channel", channel.wireName()));
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + title + "</title></head>"
                + "<body><h1>" + title + "</h1>" + body + "</body></html>";
    }
}
