package io.starexport.core.internal;

import io.starexport.spi.Credentials;
import io.starexport.spi.EnricherContext;
import io.starexport.spi.Http;

import java.time.Clock;

/** The {@link EnricherContext} of one enricher in one export. */
record EnrichContext(String enricher, Http http, Credentials credentials, Clock clock, Redactor redactor)
        implements EnricherContext {

    @Override
    public String redact(String text) {
        return redactor.redact(text);
    }

    @Override
    public String toString() {
        return "EnricherContext[" + enricher + ", " + credentials + "]";
    }
}
