/** The customer's personal data this service keeps, exported or erased when the customer asks. */
package com.agentfactory.campaign.privacy;
