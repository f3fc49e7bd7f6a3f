/** Sign-up, sign-in, token issuing and refresh-token rotation. */
package com.agentfactory.gateway.auth;
