/** Replays Online Retail CSV files as storefront events against the platform's batch events API. */
package com.agentfactory.demo.replay;
