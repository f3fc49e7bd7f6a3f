/** Load generation (closed and open loop over raw HTTP/1.1 keep-alive connections) and its bookkeeping. */
package com.agentfactory.benchmarks.load;
