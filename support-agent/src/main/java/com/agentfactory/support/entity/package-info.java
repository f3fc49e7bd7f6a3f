/** Entity extraction: order, invoice and product numbers, amounts, dates, e-mail, people, cities and countries. */
package com.agentfactory.support.entity;
