package dev.panorama.interaction.ingest;

import dev.panorama.events.channel.ChannelMessage;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Links a reply to the mail-out it answers: the adapter's campaign reference, else a reference number quoted in it. */
public final class OfferReferences {

    private final Pattern quoted;

    public OfferReferences(String quotedReferencePattern) {
        this.quoted = Pattern.compile(quotedReferencePattern);
    }

    public String referenceOf(ChannelMessage message) {
        if (message.campaignReference() != null && !message.campaignReference().isBlank()) {
            return message.campaignReference().trim();
        }
        String quotedInSubject = quotedIn(message.subject());
        return quotedInSubject != null ? quotedInSubject : quotedIn(message.text());
    }

    private String quotedIn(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = quoted.matcher(text);
        return matcher.find() ? matcher.group(1).toUpperCase(Locale.ROOT) : null;
    }
}
