package com.agentfactory.recommendation.surface;

/**
 * How long lists may be and how much one request may ask for, declared once for the API parameters and the
 * task inputs. Lists of a user fill a page, so they are 10 to 50 long; lists beside products (similar, bought
 * together, upsell) fill a widget, so one is enough.
 */
final class ListLimits {

    static final int DEFAULT_LIMIT = 10;
    static final int MIN_USER_LIST = 10;
    static final int MIN_WIDGET_LIST = 1;
    static final int MAX_LIST = 50;
    /** Products one cart, checkout or purchase may name. */
    static final int MAX_PRODUCTS = 50;
    /** Users one campaign batch may name. */
    static final int MAX_BATCH_USERS = 1000;

    private ListLimits() {}

    static int orDefault(Integer limit) {
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
