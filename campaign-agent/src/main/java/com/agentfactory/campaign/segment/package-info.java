/** Segments: the rule language over the customer read model, compiled only to parameterised SQL, and saved segments. */
package com.agentfactory.campaign.segment;
