package dev.panorama.gateway.testing;

import java.util.List;

/**
 * The personal data the gateway's tests send through it (the console's customer, a resolved sender).
 * None of it may appear in a log line: LogsCarryNoPersonalDataIT scans for each value.
 */
public final class SeededPersonalData {

    public static final String GIVEN_NAME = "Grace";
    public static final String FAMILY_NAME = "Hopper";
    /** The console customer's email is this, a per-run suffix, and @example.org. */
    public static final String EMAIL_LOCAL_PART = "grace.hopper";
    public static final String PHONE = "+441134960000";
    public static final String STREET = "1 Harbour Street";
    public static final String SENDER_EMAIL = "someone@example.org";

    public static final List<String> ALL = List.of(GIVEN_NAME, FAMILY_NAME, GIVEN_NAME + " " + FAMILY_NAME, EMAIL_LOCAL_PART,
            PHONE, STREET, SENDER_EMAIL);

    private SeededPersonalData() {
    }
}
