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
    /**
     * Products one campaign batch may list in all, its users times its limit. The batch task's answer is one Kafka
     * record, 1 MiB at most; a listed product takes about 250 bytes of it with a name and a category of common
     * lengths, so this many take about 600 KB and leave room for longer ones.
     */
    static final int MAX_BATCH_PRODUCTS = 2500;
    /** Users one campaign batch may name: as many as fit {@link #MAX_BATCH_PRODUCTS} at the default limit. */
    static final int MAX_BATCH_USERS = MAX_BATCH_PRODUCTS / DEFAULT_LIMIT;

    private ListLimits() {}

    static int orDefault(Integer limit) {
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
