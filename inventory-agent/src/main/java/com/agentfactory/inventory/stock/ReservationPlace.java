package com.agentfactory.inventory.stock;

/** The stock row a reservation holds units of. */
record ReservationPlace(String sku, String location) {}
