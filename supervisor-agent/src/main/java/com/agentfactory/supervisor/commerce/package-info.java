/** Commerce event intake: validated, stored once per event id, published to the commerce topics. */
package com.agentfactory.supervisor.commerce;
