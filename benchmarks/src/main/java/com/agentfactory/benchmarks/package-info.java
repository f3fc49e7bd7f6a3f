/** Task-intake benchmark: starts the platform on the local infrastructure and measures it against a hello-world ceiling. */
package com.agentfactory.benchmarks;
