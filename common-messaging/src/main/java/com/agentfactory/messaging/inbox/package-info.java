/** Idempotent consumption keyed on message id: at-least-once delivery, exactly-once effects. */
package com.agentfactory.messaging.inbox;
