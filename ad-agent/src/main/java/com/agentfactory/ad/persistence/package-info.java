/** The persistence base the ad aggregates share. */
package com.agentfactory.ad.persistence;
