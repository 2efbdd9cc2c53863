package dev.panorama.profile.rebuild;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Where a rebuild stands: how many retained events there were to replay when it started, how many are done,
 * how many could not be applied (they went to the DLQ when first consumed too).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RebuildProgress(State state, Instant startedAt, Instant finishedAt, long total, long replayed, long refused,
        String failure) {

    public enum State {
        NEVER_RUN, RUNNING, DONE, FAILED
    }

    static RebuildProgress neverRun() {
        return new RebuildProgress(State.NEVER_RUN, null, null, 0, 0, 0, null);
    }

    public boolean running() {
        return state == State.RUNNING;
    }
}
