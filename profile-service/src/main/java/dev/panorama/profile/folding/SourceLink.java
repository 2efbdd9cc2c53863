package dev.panorama.profile.folding;

import java.time.Instant;

/** A source system's record of the customer ("other accounts with us"): the system, its customer number, how linked. */
public record SourceLink(Origin origin, String decision, Instant linkedAt) implements Entry<SourceLink> {

    @Override
    public String key() {
        return origin.key();
    }

    @Override
    public SourceLink join(SourceLink other) {
        return Later.of(this, other, SourceLink::linkedAt);
    }
}
