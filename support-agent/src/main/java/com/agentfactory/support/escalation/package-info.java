/** When a conversation goes to a person, why, and the queue support agents work from. */
package com.agentfactory.support.escalation;
