/** The audit trail: who changed which finance row how, hash-chained so tampering shows. */
package com.agentfactory.finance.audit;
