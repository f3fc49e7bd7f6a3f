/** Budget allocation across campaigns and creative rotation, both by Thompson sampling on Beta posteriors. */
package com.agentfactory.ad.allocation;
