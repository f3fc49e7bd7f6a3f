/** Customers' data export and erasure requests, fanned out to every service that holds personal data. */
package com.agentfactory.messaging.privacy;
