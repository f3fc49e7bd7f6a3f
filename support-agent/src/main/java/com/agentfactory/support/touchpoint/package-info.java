/** Reports each answered conversation turn of a known customer to finance as a touchpoint for revenue attribution. */
package com.agentfactory.support.touchpoint;
