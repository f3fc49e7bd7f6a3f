/** What campaigns delivered: won impressions, clicks, conversions and spend, and the touchpoints they report. */
package com.agentfactory.ad.delivery;
