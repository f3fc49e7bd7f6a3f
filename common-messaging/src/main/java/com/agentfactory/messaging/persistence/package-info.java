/** What the services' JPA aggregates share. */
package com.agentfactory.messaging.persistence;
