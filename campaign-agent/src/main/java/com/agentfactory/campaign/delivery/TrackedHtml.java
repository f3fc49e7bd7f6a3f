package com.agentfactory.campaign.delivery;

import java.util.Locale;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Makes a rendered e-mail body trackable: every web link goes through the click redirect, and a one-pixel image
 * reports the open. Parsed with jsoup rather than matched with patterns, so attribute quoting and entities in the
 * template's HTML do not break links.
 */
final class TrackedHtml {

    private TrackedHtml() {}

    static String track(String html, UUID sendId, TrackingTokens tokens) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        for (Element link : document.select("a[href]")) {
            String href = link.attr("href").strip();
            String lower = href.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                link.attr("href", tokens.clickLink(sendId, href));
            }
        }
        document.body()
                .appendElement("img")
                .attr("src", tokens.pixelLink(sendId))
                .attr("width", "1")
                .attr("height", "1")
                .attr("alt", "")
                .attr("style", "display:block;border:0");
        return document.body().html();
    }
}
