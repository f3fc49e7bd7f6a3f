/** Campaign performance: spend, delivery and the ratios derived from them, over the API, tasks and Prometheus. */
package com.agentfactory.ad.performance;
