package dev.panorama.identity.golden;

import dev.panorama.events.common.PersonName;
import dev.panorama.events.common.PostalAddress;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.identity.matching.PersonRecord;
import dev.panorama.identity.normalisation.Addresses;
import dev.panorama.identity.normalisation.RecordNormaliser;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds a customer's golden record from its current source records. Values are grouped by their
 * normalised form (two spellings of one mailbox are one email), each group is ranked by the attribute's
 * rule with ties going to the most recent, then the most trusted source, and is shown in the best-written
 * form a source sent. The result does not depend on the order of the records.
 */
public final class Survivorship {

    private final GoldenRules rules;
    private final RecordNormaliser normaliser;

    public Survivorship(GoldenRules rules, RecordNormaliser normaliser) {
        this.rules = rules;
        this.normaliser = normaliser;
    }

    public GoldenRecord goldenRecord(Collection<ReceivedRecord> records) {
        return new GoldenRecord(
                best(rank(Attribute.NAME, names(records))),
                best(rank(Attribute.BIRTH_DATE, birthDates(records))),
                ContactValues.of(rank(Attribute.EMAIL, contacts(records, SourceRecord::emails, normaliser::email))),
                ContactValues.of(rank(Attribute.PHONE, contacts(records, SourceRecord::phones, normaliser::phone))),
                best(rank(Attribute.ADDRESS, addresses(records))));
    }

    /** One value as one record sent it: the form it is compared in, the value itself, how it reads, who sent it. */
    private record Sighting<T>(String key, T value, String text, Source source) {
    }

    private List<Sighting<PersonName>> names(Collection<ReceivedRecord> records) {
        List<Sighting<PersonName>> sightings = new ArrayList<>();
        for (ReceivedRecord received : records) {
            PersonName name = received.record().name();
            if (name == null) {
                continue;
            }
            PersonRecord normalised = normaliser.normalise(received.record());
            if (normalised.givenName() != null || normalised.familyName() != null) {
                String key = Objects.toString(normalised.givenName(), "") + "|" + Objects.toString(normalised.familyName(), "");
                sightings.add(new Sighting<>(key, name, text(name.title(), name.given(), name.middle(), name.family(), name.full()),
                        received.source()));
            }
        }
        return sightings;
    }

    private static List<Sighting<LocalDate>> birthDates(Collection<ReceivedRecord> records) {
        return records.stream().filter(received -> received.record().dateOfBirth() != null)
                .map(received -> {
                    LocalDate date = received.record().dateOfBirth();
                    return new Sighting<>(date.toString(), date, date.toString(), received.source());
                })
                .toList();
    }

    /** Emails or phones: every valid value of every record; a value no normaliser accepts is not a contact. */
    private static List<Sighting<String>> contacts(Collection<ReceivedRecord> records, Function<SourceRecord, List<String>> values,
            Function<String, Optional<String>> normalise) {
        List<Sighting<String>> sightings = new ArrayList<>();
        for (ReceivedRecord received : records) {
            for (String raw : values.apply(received.record())) {
                normalise.apply(raw).ifPresent(key -> sightings.add(new Sighting<>(key, raw.trim(), raw.trim(), received.source())));
            }
        }
        return sightings;
    }

    private List<Sighting<PostalAddress>> addresses(Collection<ReceivedRecord> records) {
        List<Sighting<PostalAddress>> sightings = new ArrayList<>();
        for (ReceivedRecord received : records) {
            for (PostalAddress address : received.record().addresses()) {
                String street = normaliser.street(String.join(" ", address.lines()));
                String postcode = Addresses.postcode(address.postcode());
                String locality = Addresses.locality(address.locality());
                if (street != null || postcode != null || locality != null) {
                    String key = Objects.toString(street, "") + "|" + Objects.toString(postcode, "") + "|" + Objects.toString(locality, "");
                    String text = text(String.join(", ", address.lines()), address.locality(), address.region(), address.postcode(),
                            address.country(), address.kind());
                    sightings.add(new Sighting<>(key, address, text, received.source()));
                }
            }
        }
        return sightings;
    }

    private <T> List<GoldenValue<T>> rank(Attribute attribute, List<Sighting<T>> sightings) {
        Rule rule = rules.ruleFor(attribute);
        return sightings.stream().collect(Collectors.groupingBy(Sighting::key)).entrySet().stream()
                .map(group -> new Candidate<>(group.getKey(), group.getValue()))
                .sorted(order(rule))
                .map(candidate -> new GoldenValue<>(candidate.representative(attribute), rule.configName(), candidate.sources))
                .toList();
    }

    private Comparator<Candidate<?>> order(Rule rule) {
        Comparator<Candidate<?>> trusted = Comparator.comparingInt(candidate -> candidate.trustRank);
        Comparator<Candidate<?>> recent = Comparator.comparing(candidate -> candidate.latest, Comparator.reverseOrder());
        Comparator<Candidate<?>> frequent = Comparator.comparingInt(candidate -> -candidate.frequency);
        Comparator<Candidate<?>> byRule = switch (rule) {
            case MOST_TRUSTED_SOURCE -> trusted;
            case MOST_RECENT -> recent;
            case MOST_FREQUENT -> frequent;
        };
        return byRule.thenComparing(recent).thenComparing(trusted).thenComparing(frequent)
                .thenComparing(candidate -> candidate.key);
    }

    private static <T> GoldenValue<T> best(List<GoldenValue<T>> ranked) {
        return ranked.isEmpty() ? null : ranked.getFirst();
    }

    /** One distinct value of an attribute: every form it was sent in, and what the rules weigh. */
    private final class Candidate<T> {

        final String key;
        final List<Sighting<T>> sightings;
        final List<Source> sources;
        final int trustRank;
        final Instant latest;
        final int frequency;

        Candidate(String key, List<Sighting<T>> sightings) {
            this.key = key;
            this.sightings = sightings;
            this.sources = sightings.stream().map(Sighting::source).distinct().sorted(Source.NEWEST_FIRST).toList();
            this.trustRank = sources.stream().mapToInt(source -> rules.trustRank(source.sourceSystem())).min().orElseThrow();
            this.latest = sources.getFirst().receivedAt();
            this.frequency = (int) sources.stream().map(source -> source.sourceSystem() + "\u0000" + source.sourceId()).distinct().count();
        }

        /** The best-written form; then the form most sources sent, the newest, the most trusted. */
        T representative(Attribute attribute) {
            Map<String, Long> sent = sightings.stream().collect(Collectors.groupingBy(Sighting::text, Collectors.counting()));
            Comparator<Sighting<T>> best = Comparator.<Sighting<T>>comparingInt(s -> -Formatting.score(attribute, s.text()))
                    .thenComparing(s -> -sent.get(s.text()))
                    .thenComparing(s -> s.source().receivedAt(), Comparator.reverseOrder())
                    .thenComparingInt(s -> rules.trustRank(s.source().sourceSystem()))
                    .thenComparing(Sighting::text)
                    .thenComparing(s -> s.source().sourceSystem())
                    .thenComparing(s -> s.source().sourceId());
            return sightings.stream().min(best).orElseThrow().value();
        }
    }

    private static String text(String... parts) {
        return Stream.of(parts).filter(part -> part != null && !part.isBlank()).map(String::trim)
                .collect(Collectors.joining(" "));
    }

    /** How well a form is written, for choosing which of several equivalent forms to show. */
    static final class Formatting {

        private Formatting() {
        }

        static int score(Attribute attribute, String text) {
            return switch (attribute) {
                case NAME, ADDRESS -> (mixedCase(text) ? 2 : 0) + (accented(text) ? 1 : 0);
                case EMAIL -> text.equals(text.toLowerCase(Locale.ROOT)) ? 1 : 0;
                case PHONE -> (text.startsWith("+") ? 2 : 0) + (text.matches(".*[\\s().-].*") ? 1 : 0);
                case BIRTH_DATE -> 0;
            };
        }

        /** "Margaret O'Neill" reads better than "MARGARET O'NEILL" or "margaret o'neill". */
        private static boolean mixedCase(String text) {
            return text.chars().anyMatch(Character::isUpperCase) && text.chars().anyMatch(Character::isLowerCase);
        }

        /** "José" keeps what "Jose" lost. */
        private static boolean accented(String text) {
            return text.chars().anyMatch(c -> c > 127 && Character.isLetter(c));
        }
    }
}
