/** The OpenRTB bid API for exchanges: bid decisions, win notices, clicks and conversions, the simulated exchange. */
package com.agentfactory.ad.exchange;
