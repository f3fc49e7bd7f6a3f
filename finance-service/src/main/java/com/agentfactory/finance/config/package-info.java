/** Application-wide configuration and the mapping of errors to problem details. */
package com.agentfactory.finance.config;
