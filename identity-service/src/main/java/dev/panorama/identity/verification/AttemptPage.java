package dev.panorama.identity.verification;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VerificationAuditPage")
public record AttemptPage(List<AttemptView> items,
        @Schema(description = "Pass as ?cursor= for the next (older) page; absent on the last page") String nextCursor) {
}
