package dev.panorama.identity.golden;

import dev.panorama.events.common.Identifier;
import dev.panorama.identity.normalisation.RecordNormaliser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Every identifier of a customer's current records, one entry per distinct value (compared as the matcher
 * compares them: type in lower case, value without spaces or dashes), sorted by type, issuer and value.
 */
public final class Identifiers {

    private Identifiers() {
    }

    private record Sighting(String type, String issuer, String compared, String value, Source source) {

        String key() {
            return type + "\u0000" + Objects.toString(issuer, "") + "\u0000" + compared;
        }
    }

    public static List<KnownIdentifier> of(Collection<ReceivedRecord> records) {
        List<Sighting> sightings = new ArrayList<>();
        for (ReceivedRecord received : records) {
            for (Identifier identifier : received.record().identifiers()) {
                String compared = RecordNormaliser.identifierValue(identifier.value());
                if (identifier.type() != null && !identifier.type().isBlank() && !compared.isEmpty()) {
                    String issuer = identifier.issuer() == null || identifier.issuer().isBlank() ? null : identifier.issuer().trim();
                    sightings.add(new Sighting(identifier.type().trim().toLowerCase(Locale.ROOT), issuer, compared,
                            identifier.value().trim(), received.source()));
                }
            }
        }
        return sightings.stream().collect(Collectors.groupingBy(Sighting::key)).values().stream()
                .map(Identifiers::known)
                .sorted(Comparator.comparing(KnownIdentifier::type)
                        .thenComparing(KnownIdentifier::issuer, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(known -> RecordNormaliser.identifierValue(known.value())))
                .toList();
    }

    /** Shown as most of its sources wrote it; then as the newest did. */
    private static KnownIdentifier known(List<Sighting> group) {
        Map<String, Long> written = group.stream().collect(Collectors.groupingBy(Sighting::value, Collectors.counting()));
        Sighting shown = group.stream().min(Comparator.<Sighting>comparingLong(s -> -written.get(s.value()))
                .thenComparing(s -> s.source().receivedAt(), Comparator.reverseOrder())
                .thenComparing(Sighting::value)).orElseThrow();
        List<Source> sources = group.stream().map(Sighting::source).distinct().sorted(Source.NEWEST_FIRST).toList();
        return new KnownIdentifier(shown.type(), shown.value(), shown.issuer(), sources);
    }
}
