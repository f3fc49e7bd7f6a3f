/** Test helpers the agent modules share (published in this module's test jar). */
package com.agentfactory.messaging.testing;
