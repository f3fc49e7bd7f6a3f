/**
 * Money as the campaign agent shows and compares it: the decimals of a currency, for codes the JDK may not know, and
 * the currency every condition on money must name.
 */
package com.agentfactory.campaign.money;
