package com.agentfactory.messaging.envelope;

/**
 * An envelope of a version this reader does not know, as a newer sender's message reads to an older reader during a
 * rolling deploy. Its message names the versions and nothing of the content, so it may be repeated to whoever sent it.
 */
public final class UnsupportedEnvelopeVersionException extends MalformedEnvelopeException {

    private final int version;

    public UnsupportedEnvelopeVersionException(int version) {
        super(
                "unsupported envelope version " + version + " (this reader knows 1 to "
                        + MessageEnvelope.CURRENT_VERSION + ")",
                null);
        this.version = version;
    }

    public int version() {
        return version;
    }
}
