/** The hello-world ceiling: a minimal Spring Boot webmvc app on the same stack as the services. */
package com.agentfactory.benchmarks.hello;
