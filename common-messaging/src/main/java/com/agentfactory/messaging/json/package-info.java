/** Reading JSON input and saying what was wrong with it in the API's terms. */
package com.agentfactory.messaging.json;
