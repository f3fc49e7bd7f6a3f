/** The instants the supervisor accepts from callers: within what it can store and compute with. */
package com.agentfactory.supervisor.time;
