package dev.panorama.identity.normalisation;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.validator.routines.EmailValidator;

/**
 * Email addresses in the form that identifies a mailbox: syntax-checked, lower case, and with the
 * provider's own equivalences applied (Gmail ignores dots; many providers ignore a {@code +tag}).
 */
public final class Emails {

    private static final EmailValidator SYNTAX = EmailValidator.getInstance(false, true);

    /** How a provider treats the local part of its addresses. */
    public record ProviderRule(boolean ignoresDots, boolean ignoresPlusTags, String canonicalDomain) {
    }

    private static final Map<String, ProviderRule> DEFAULT_RULES = Map.of(
            "gmail.com", new ProviderRule(true, true, "gmail.com"),
            "googlemail.com", new ProviderRule(true, true, "gmail.com"),
            "outlook.com", new ProviderRule(false, true, "outlook.com"),
            "hotmail.com", new ProviderRule(false, true, "hotmail.com"),
            "icloud.com", new ProviderRule(false, true, "icloud.com"),
            "fastmail.com", new ProviderRule(false, true, "fastmail.com"));

    private final Map<String, ProviderRule> rules;

    public Emails(Map<String, ProviderRule> rules) {
        this.rules = Map.copyOf(rules);
    }

    public static Emails withDefaultRules() {
        return new Emails(DEFAULT_RULES);
    }

    /** The canonical mailbox, or empty when the text is not a syntactically valid address. */
    public Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String trimmed = raw.trim().toLowerCase(Locale.ROOT);
        if (!SYNTAX.isValid(trimmed)) {
            return Optional.empty();
        }
        int at = trimmed.lastIndexOf('@');
        String local = trimmed.substring(0, at);
        String domain = trimmed.substring(at + 1);
        ProviderRule rule = rules.get(domain);
        if (rule == null) {
            return Optional.of(trimmed);
        }
        if (rule.ignoresPlusTags() && local.indexOf('+') > 0) {
            local = local.substring(0, local.indexOf('+'));
        }
        if (rule.ignoresDots()) {
            local = local.replace(".", "");
        }
        return Optional.of(local + "@" + rule.canonicalDomain());
    }

}
