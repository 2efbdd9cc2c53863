package dev.panorama.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Merge protection holds whatever else two records share. */
class MergeProtectionProperties {

    private static final Map<String, String> NO_IDS = Map.of();

    /** Household members: another given name, a clearly different date of birth, and anything else in common. */
    @Property(tries = 300)
    void recordsWithClearlyDifferentBirthDatesAndGivenNamesNeverEndInOneCustomerAutomatically(@ForAll("people") PersonRecord first,
            @ForAll("births") LocalDate otherBirth, @ForAll("shares") boolean[] shares, @ForAll boolean bridged) {
        Assume.that(MergeProtection.clearlyDifferentBirthDates(first.birthDate(), otherBirth));
        PersonRecord second = sharing(first, shares, otherBirth, "b");
        InMemoryIdentityGraph graph = new InMemoryIdentityGraph();
        Resolver resolver = resolver(graph);

        String a = resolver.resolve(first).customerId();
        String b = resolver.resolve(second).customerId();
        if (bridged) {
            // a record that matches both as well as anything can (no birth date of its own) must not join them
            resolver.resolve(sharing(first, new boolean[] {true, true, true, true}, null, "c"));
        }

        assertThat(b).isNotEqualTo(a);
        assertThat(graph.customerOf(first.recordId())).isNotEqualTo(graph.customerOf(second.recordId()));
    }

    @Property
    void aSlipOfTheKeyboardIsNeverAClearDifference(@ForAll("births") LocalDate birth, @ForAll("slips") int slip) {
        LocalDate slipped = slipped(birth, slip);
        Assume.that(slipped != null);
        assertThat(MergeProtection.clearlyDifferentBirthDates(birth, slipped)).isFalse();
        assertThat(MergeProtection.clearlyDifferentBirthDates(slipped, birth)).isFalse();
    }

    @Property
    void clearDifferenceIsSymmetric(@ForAll("births") LocalDate a, @ForAll("births") LocalDate b) {
        assertThat(MergeProtection.clearlyDifferentBirthDates(a, b)).isEqualTo(MergeProtection.clearlyDifferentBirthDates(b, a));
    }

    @Example
    void moreThanAYearApartWithoutASlipIsAClearDifference() {
        assertThat(MergeProtection.clearlyDifferentBirthDates(LocalDate.of(1961, 2, 3), LocalDate.of(1990, 9, 27))).isTrue();
        assertThat(MergeProtection.clearlyDifferentBirthDates(LocalDate.of(1961, 2, 3), LocalDate.of(1961, 7, 19))).isFalse();
        assertThat(MergeProtection.clearlyDifferentBirthDates(LocalDate.of(1961, 2, 3), LocalDate.of(1916, 2, 3))).isFalse();
        assertThat(MergeProtection.clearlyDifferentBirthDates(LocalDate.of(1961, 2, 3), LocalDate.of(1961, 3, 2))).isFalse();
        assertThat(MergeProtection.clearlyDifferentBirthDates(LocalDate.of(1980, 1, 1), LocalDate.of(1980, 1, 10))).isFalse();
        assertThat(MergeProtection.clearlyDifferentBirthDates(LocalDate.of(1980, 1, 1), null)).isFalse();
    }

    private static Resolver resolver(InMemoryIdentityGraph graph) {
        AtomicInteger customers = new AtomicInteger();
        return new Resolver(graph, MatchModel.priors(), new TermFrequencies(), () -> "c" + customers.incrementAndGet());
    }

    /**
     * A second record with a given name of its own and its own birth date (none for the bridge, which takes
     * the first's given name), sharing, field group by field group, what {@code shares} says.
     */
    private static PersonRecord sharing(PersonRecord r, boolean[] shares, LocalDate birth, String id) {
        return new PersonRecord(id, birth == null ? r.givenName() : "zebedee", shares[0] ? r.familyName() : "vanterpool", birth,
                shares[1] ? r.emails() : Set.of(), shares[2] ? r.phones() : Set.of(),
                shares[3] ? r.street() : null, shares[3] ? r.locality() : null, shares[3] ? r.postcode() : null, r.region(),
                NO_IDS);
    }

    private static LocalDate slipped(LocalDate birth, int slip) {
        String digits = birth.toString().replace("-", "");
        return switch (slip % 3) {
            case 0 -> parse(digits.substring(0, slip % 8) + (char) ('0' + (slip / 8) % 10) + digits.substring(slip % 8 + 1));
            case 1 -> {
                int at = slip % 7;
                yield parse(digits.substring(0, at) + digits.charAt(at + 1) + digits.charAt(at) + digits.substring(at + 2));
            }
            default -> birth.getDayOfMonth() <= 12 ? LocalDate.of(birth.getYear(), birth.getDayOfMonth(), birth.getMonthValue()) : null;
        };
    }

    private static LocalDate parse(String digits) {
        try {
            LocalDate date = LocalDate.parse(digits, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            return date.getYear() >= 1850 ? date : null;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    @Provide
    Arbitrary<LocalDate> births() {
        return Arbitraries.integers().between(0, 80 * 366).map(days -> LocalDate.of(1930, 1, 1).plusDays(days));
    }

    @Provide
    Arbitrary<Integer> slips() {
        return Arbitraries.integers().between(0, 10_000);
    }

    @Provide
    Arbitrary<boolean[]> shares() {
        return Arbitraries.of(true, false).array(boolean[].class).ofSize(4);
    }

    @Provide
    Arbitrary<PersonRecord> people() {
        Arbitrary<String> given = Arbitraries.of("margaret", "oscar", "isla", "noah", "grace", "leo");
        Arbitrary<String> family = Arbitraries.of("quennell", "okafor", "smith", "lindqvist");
        Arbitrary<String> street = Arbitraries.integers().between(1, 300).map(n -> n + " wallaby place");
        return Combinators.combine(given, family, births(), street, Arbitraries.integers().between(100, 999))
                .as((g, f, birth, s, n) -> new PersonRecord("a", g, f, birth, Set.of(f + n + "@example.com"),
                        Set.of("+4416329" + (60000 + n)), s, "kew", "3101", "nsw", NO_IDS));
    }
}
