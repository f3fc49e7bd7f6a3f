/** What each agent announces it can do: its task types with the JSON Schemas of their input and output. */
package com.agentfactory.messaging.capability;
