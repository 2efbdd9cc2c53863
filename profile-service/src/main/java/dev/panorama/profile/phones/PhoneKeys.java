package dev.panorama.profile.phones;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Phone numbers as profiles are found by them, however a source or an agent wrote them: {@code +44 7700 900123},
 * {@code 07700 900123} and {@code 0044 7700 900123} are one number. Numbers without a country code are read in the
 * default region (libphonenumber), as identity-service reads them.
 */
public final class PhoneKeys {

    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();
    private static final String INTERNATIONAL_CALL_PREFIX = "00";
    /** Digits with the marks people type in a phone number; "zz391" is not a number starting with 391. */
    private static final Pattern WRITTEN_AS_A_NUMBER = Pattern.compile("[+0-9 ()./-]+");

    private final String region;
    private final String trunkPrefix;

    public PhoneKeys(String region) {
        this.region = region;
        String nationalPrefix = NUMBERS.getNddPrefixForRegion(region, true);
        this.trunkPrefix = nationalPrefix == null ? "" : nationalPrefix;
    }

    /**
     * One number's digits: as written, and where it is a possible number, with its country code ({@code 447700900123})
     * and as dialled within its country without the trunk prefix ({@code 7700900123}); null where it is not.
     */
    public record Digits(String asWritten, String international, String national) {

        /** The digits an exact lookup finds the number by: with its country code, or as written. */
        public String lookupDigits() {
            return international != null ? international : asWritten;
        }

        /** The digits a search for the start of a number finds it by: each form it has. */
        public Set<String> searchKeys() {
            Set<String> keys = new LinkedHashSet<>();
            for (String digits : new String[] {asWritten, international, national}) {
                if (digits != null && !digits.isEmpty()) {
                    keys.add(digits);
                }
            }
            return keys;
        }
    }

    /** Reads a number once, in the default region when it has no country code. */
    public Digits read(String phone) {
        return parsed(phone)
                .map(number -> new Digits(digits(phone), international(number), NUMBERS.getNationalSignificantNumber(number)))
                .orElseGet(() -> new Digits(digits(phone), null, null));
    }

    /**
     * The digit prefixes a search for the start of a number looks for: the digits typed, and the same without what
     * only dialling adds ({@code 00} before a country code, the trunk prefix before a national number, a trunk prefix
     * written in brackets after a country code: {@code +44 (0)7700}). None for a query not written like a number.
     */
    public Set<String> searchPrefixes(String query) {
        Set<String> prefixes = new LinkedHashSet<>();
        if (!WRITTEN_AS_A_NUMBER.matcher(query).matches()) {
            return prefixes;
        }
        boolean international = query.strip().startsWith("+");
        String digits = digits(international ? query.replace("(0)", "") : query);
        if (digits.isEmpty()) {
            return prefixes;
        }
        prefixes.add(digits);
        if (!international && digits.startsWith(INTERNATIONAL_CALL_PREFIX) && digits.length() > INTERNATIONAL_CALL_PREFIX.length()) {
            prefixes.add(digits.substring(INTERNATIONAL_CALL_PREFIX.length()));
        } else if (!international && !trunkPrefix.isEmpty() && digits.startsWith(trunkPrefix) && digits.length() > trunkPrefix.length()) {
            prefixes.add(digits.substring(trunkPrefix.length()));
        }
        return prefixes;
    }

    private static String digits(String phone) {
        return phone.replaceAll("[^0-9]", "");
    }

    private Optional<PhoneNumber> parsed(String phone) {
        try {
            PhoneNumber number = NUMBERS.parse(phone, region);
            return NUMBERS.isPossibleNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }

    private static String international(PhoneNumber number) {
        return NUMBERS.format(number, PhoneNumberFormat.E164).substring(1);
    }
}
