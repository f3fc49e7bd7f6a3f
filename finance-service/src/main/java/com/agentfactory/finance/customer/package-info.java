/** Customer behaviour events, RFM scores and rule-based segments with their history. */
package com.agentfactory.finance.customer;
