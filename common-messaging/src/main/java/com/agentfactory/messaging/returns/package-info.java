/** Returns between support, which authorises and receives them, and finance, which refunds what arrived. */
package com.agentfactory.messaging.returns;
