/** Who is calling, as the platform's authentication established it: a person, a customer or a service. */
package com.agentfactory.messaging.identity;
