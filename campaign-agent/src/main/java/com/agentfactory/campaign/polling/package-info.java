/** Background workers that claim due rows in batches until none are left, then wait for the next tick. */
package com.agentfactory.campaign.polling;
