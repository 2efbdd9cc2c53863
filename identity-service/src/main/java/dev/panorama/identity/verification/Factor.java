package dev.panorama.identity.verification;

import java.util.Arrays;
import java.util.Optional;

/**
 * Something a caller knows that proves who they are. Strong factors are secrets a stranger is unlikely to
 * find out; weak ones (a postcode, the end of an account number) are printed on letters and cards.
 */
public enum Factor {
    MEMORABLE_DATE("memorableDate", true),
    PASSPHRASE("passphrase", true),
    POSTCODE("postcode", false),
    ACCOUNT_LAST_DIGITS("accountLastDigits", false);

    private final String fieldName;
    private final boolean strong;

    Factor(String fieldName, boolean strong) {
        this.fieldName = fieldName;
        this.strong = strong;
    }

    /** The name in requests, responses and the audit trail. */
    public String fieldName() {
        return fieldName;
    }

    public boolean strong() {
        return strong;
    }

    public static Optional<Factor> byFieldName(String name) {
        return Arrays.stream(values()).filter(factor -> factor.fieldName.equals(name)).findFirst();
    }
}
