/** Forgetting rows kept past their retention in short transactions, so a backlog never holds a table for long. */
package com.agentfactory.messaging.purge;
