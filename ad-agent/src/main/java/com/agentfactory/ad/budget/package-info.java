/** Money from finance: daily spend allowances reserved in tranches, spent locally, settled back to finance. */
package com.agentfactory.ad.budget;
