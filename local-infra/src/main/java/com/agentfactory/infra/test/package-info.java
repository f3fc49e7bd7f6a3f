/** The hook that connects Spring test contexts to the shared local servers. */
package com.agentfactory.infra.test;
