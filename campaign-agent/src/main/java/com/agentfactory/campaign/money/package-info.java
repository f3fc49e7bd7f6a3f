/** Amounts as the campaign agent shows them: the decimals of a currency, for codes the JDK may not know. */
package com.agentfactory.campaign.money;
