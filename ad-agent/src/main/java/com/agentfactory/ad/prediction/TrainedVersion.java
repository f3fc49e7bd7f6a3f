package com.agentfactory.ad.prediction;

import java.util.Map;

/** A model trained for storing, with the settings chosen and its hold-out figures. */
record TrainedVersion(ClickModel model, Map<String, Object> settings, Map<String, Object> metrics) {}
