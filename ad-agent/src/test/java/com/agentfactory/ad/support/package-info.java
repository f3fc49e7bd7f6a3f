/** Test support: the running agent on the shared infrastructure and test data. */
package com.agentfactory.ad.support;
