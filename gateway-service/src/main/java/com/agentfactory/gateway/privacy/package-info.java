/** The accounts' part of customers' privacy requests: export or erase what the gateway keeps about a customer. */
package com.agentfactory.gateway.privacy;
