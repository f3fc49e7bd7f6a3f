/** The one shape of a page of results that every list endpoint answers with. */
package com.agentfactory.messaging.paging;
