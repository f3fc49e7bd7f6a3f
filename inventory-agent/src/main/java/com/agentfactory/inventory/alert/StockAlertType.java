package com.agentfactory.inventory.alert;

/** The five alert types of specification 004, with the action each asks for. */
enum StockAlertType {
    LOW_STOCK("reorder: available stock is below the reorder point"),
    OUT_OF_STOCK("emergency order; hide from the site until stock is back"),
    OVERSTOCK("markdown: more than the overstock threshold of days of cover on hand; hold further orders"),
    SLOW_MOVING("promotion or clearance: no sale within the slow-moving window while stock is on hand"),
    EXPIRY_RISK("urgent markdown: perishable stock expires within the expiry-risk window");

    private final String suggestedAction;

    StockAlertType(String suggestedAction) {
        this.suggestedAction = suggestedAction;
    }

    String suggestedAction() {
        return suggestedAction;
    }
}
