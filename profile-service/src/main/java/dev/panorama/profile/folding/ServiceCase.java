package dev.panorama.profile.folding;

import dev.panorama.events.backoffice.CaseKind;
import java.time.Instant;

/**
 * A service case (complaint, return, warranty claim, ...). Opening and closing arrive as separate events, possibly
 * closing first: each half is kept on its own, so a late opening never reopens a closed case.
 */
public record ServiceCase(Origin origin, String caseId, Opened opened, Closed closed) implements Entry<ServiceCase> {

    public record Opened(CaseKind kind, String subject, String severity, Instant openedAt) {
    }

    public record Closed(String resolution, Instant closedAt) {
    }

    @Override
    public String key() {
        return Entries.key(origin.key(), caseId);
    }

    @Override
    public ServiceCase join(ServiceCase other) {
        return new ServiceCase(origin, caseId, Later.of(opened, other.opened, Opened::openedAt),
                Later.of(closed, other.closed, Closed::closedAt));
    }

    public boolean open() {
        return closed == null;
    }
}
