/** People who sign in: storage, creation and the bootstrap administrator. */
package com.agentfactory.gateway.user;
