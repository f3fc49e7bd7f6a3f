package com.agentfactory.inventory.alert;

/** The alert levels of specification 004 raised so far, with the action each asks for. */
enum StockAlertType {
    LOW_STOCK("reorder: available stock is below the reorder point"),
    OUT_OF_STOCK("emergency order; hide from the site until stock is back");

    private final String suggestedAction;

    StockAlertType(String suggestedAction) {
        this.suggestedAction = suggestedAction;
    }

    String suggestedAction() {
        return suggestedAction;
    }
}
