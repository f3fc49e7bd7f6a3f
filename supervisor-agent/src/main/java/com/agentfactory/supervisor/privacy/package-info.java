/** Customers' data export and erasure requests: fanned out to every service, their reports gathered and audited. */
package com.agentfactory.supervisor.privacy;
