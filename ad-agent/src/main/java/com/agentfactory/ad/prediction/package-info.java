/** Click and conversion prediction: models trained from impression logs, calibrated, versioned and served to bidding. */
package com.agentfactory.ad.prediction;
