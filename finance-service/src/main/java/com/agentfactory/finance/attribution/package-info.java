/** Revenue attribution: agents' touchpoints with customers and each order's revenue shared over them. */
package com.agentfactory.finance.attribution;
