package com.agentfactory.ad.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for ad campaigns. */
public final class AdCampaignMother {

    private AdCampaignMother() {}

    /** A Meta campaign in EUR with one ad group and one 300x250 creative for region "BE". */
    public static Map<String, Object> campaign(String name) {
        return campaign(name, "BE");
    }

    /**
     * The same campaign reaching only {@code region}: a test that must win the auction itself gives its campaign a
     * region of its own, since every active campaign of the shared database competes for each bid request.
     */
    public static Map<String, Object> campaign(String name, String region) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("platform", "META");
        body.put("daily_budget", 100.00);
        body.put("total_budget", 1000.00);
        body.put("currency", "EUR");
        body.put("value_per_conversion", 40.00);
        body.put("target_cpa", 20.00);
        body.put(
                "ad_groups",
                List.of(Map.of(
                        "name",
                        "Belgium",
                        "regions",
                        List.of(region),
                        "creatives",
                        List.of(Map.of(
                                "name",
                                "Winter sale",
                                "width",
                                300,
                                "height",
                                250,
                                "landing_domain",
                                "shop.example")))));
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(key, value);
        return changed;
    }
}
