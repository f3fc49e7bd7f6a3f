/** The versioned message envelope every agent exchanges, and its JSON codec. */
package com.agentfactory.messaging.envelope;
