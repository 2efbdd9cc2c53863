package dev.panorama.profile.audit;

/** A staff read cannot be audit-logged now, so it is not answered (503, try again shortly). */
public class AuditUnavailable extends RuntimeException {

    public AuditUnavailable(String why) {
        super(why, null, false, false);
    }
}
