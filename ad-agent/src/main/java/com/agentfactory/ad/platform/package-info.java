/** The ad platforms behind one interface; the simulated platform serves local runs, the demo and tests. */
package com.agentfactory.ad.platform;
