/** Web support every servlet service shares: trace propagation, body-size limit, problem details. */
package com.agentfactory.messaging.web;
