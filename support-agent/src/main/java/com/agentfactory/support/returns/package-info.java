/** Return authorisations: what a customer may send back from an order, the refund it is worth, and the event finance books. */
package com.agentfactory.support.returns;
