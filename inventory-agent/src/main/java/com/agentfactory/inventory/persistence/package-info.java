/** What the inventory's JPA aggregates share: ids assigned by the application, new until first stored. */
package com.agentfactory.inventory.persistence;
