/** Derives the compact, committed demo subset from the full Online Retail dataset. */
package com.agentfactory.demo.subset;
