/** Text that can be stored: PostgreSQL refuses the NUL character, so input carrying one is refused at the door. */
package com.agentfactory.messaging.text;
