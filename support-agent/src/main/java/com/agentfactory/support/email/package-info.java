/** The e-mail channel: a mail gateway posts inbound mail to a webhook and sends the reply it gets back. */
package com.agentfactory.support.email;
