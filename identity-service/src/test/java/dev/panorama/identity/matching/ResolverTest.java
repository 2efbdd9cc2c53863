package dev.panorama.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResolverTest {

    private final InMemoryIdentityGraph graph = new InMemoryIdentityGraph();
    private final AtomicInteger customers = new AtomicInteger();
    private final Resolver resolver = new Resolver(graph, MatchModel.priors(), new TermFrequencies(),
            () -> "c" + customers.incrementAndGet());

    @Test
    void noisyDuplicatesResolveToTheirPersonAndDifferentPeopleStayApart() {
        List<GeneratedPeople.Person> people = new GeneratedPeople(42).generate(400);
        Map<String, String> labelOfRecord = new HashMap<>();
        for (GeneratedPeople.Person person : people) {
            labelOfRecord.put(person.record().recordId(), person.label());
            resolver.resolve(person.record());
        }

        long truePairs = 0;
        long predicted = 0;
        long correct = 0;
        Map<String, Long> sizeOfPerson = new HashMap<>();
        labelOfRecord.values().forEach(label -> sizeOfPerson.merge(label, 1L, Long::sum));
        for (long size : sizeOfPerson.values()) {
            truePairs += size * (size - 1) / 2;
        }
        for (Set<String> records : graph.customers().values()) {
            List<String> ids = List.copyOf(records);
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    predicted++;
                    correct += labelOfRecord.get(ids.get(i)).equals(labelOfRecord.get(ids.get(j))) ? 1 : 0;
                }
            }
        }
        assertThat((double) correct / predicted).as("precision").isGreaterThanOrEqualTo(0.98);
        assertThat((double) correct / truePairs).as("recall").isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void theFirstRecordOfAPersonMakesANewCustomerAndAnExactDuplicateMatchesIt() {
        PersonRecord first = person("r1", "ada", "quennell", LocalDate.of(1970, 3, 4), "7 wallaby place", Map.of());
        Resolution created = resolver.resolve(first);
        Resolution matched = resolver.resolve(copy(first, "r2"));

        assertThat(created.decision()).isEqualTo(Resolution.Decision.NEW);
        assertThat(matched.decision()).isEqualTo(Resolution.Decision.MATCHED);
        assertThat(matched.customerId()).isEqualTo(created.customerId());
        assertThat(matched.bestMatch().probability()).isGreaterThan(0.95);
    }

    @Test
    void theScoreExplainsEachFieldsContribution() {
        resolver.resolve(person("r1", "ada", "quennell", LocalDate.of(1970, 3, 4), "7 wallaby place", Map.of()));
        Resolution matched = resolver.resolve(person("r2", "ada", "quenell", LocalDate.of(1970, 4, 3), "7 wallaby place", Map.of()));

        MatchScore why = matched.bestMatch();
        assertThat(why.contributions()).extracting(MatchScore.Contribution::comparison).contains(Comparison.values());
        assertThat(why.levelOf(Comparison.GIVEN_NAME)).isZero();
        assertThat(why.contributions()).filteredOn(c -> c.comparison() == Comparison.FAMILY_NAME)
                .singleElement().satisfies(c -> assertThat(c.description()).isEqualTo("jaro-winkler >= 0.92"));
        assertThat(why.contributions()).filteredOn(c -> c.comparison() == Comparison.BIRTH_DATE)
                .singleElement().satisfies(c -> assertThat(c.description()).contains("swapped"));
        assertThat(why.contributions()).filteredOn(c -> c.comparison() == Comparison.EMAIL)
                .singleElement().satisfies(c -> assertThat(c.weight()).isZero());
    }

    @Test
    void anExactUniqueIdentifierLinksAtOnceEvenWhenOtherDetailsDiffer() {
        Resolution first = resolver.resolve(person("r1", "margaret", "wilson", LocalDate.of(1950, 1, 2), "1 high street",
                Map.of("national-id", "8812345")));
        Resolution renamed = resolver.resolve(person("r2", "peggy", "okafor", LocalDate.of(1950, 1, 2), "40 kew road",
                Map.of("national-id", "8812345")));

        assertThat(renamed.decision()).isEqualTo(Resolution.Decision.MATCHED);
        assertThat(renamed.customerId()).isEqualTo(first.customerId());
    }

    @Test
    void anIdentifierDoesNotLinkAcrossClearlyDifferentBirthDates() {
        Resolution first = resolver.resolve(person("r1", "margaret", "wilson", LocalDate.of(1950, 1, 2), "1 high street",
                Map.of("national-id", "8812345")));
        Resolution other = resolver.resolve(person("r2", "noah", "okafor", LocalDate.of(1992, 7, 19), "40 kew road",
                Map.of("national-id", "8812345")));

        assertThat(other.customerId()).isNotEqualTo(first.customerId());
    }

    @Test
    void aRecordThatMatchesTwoCustomersMergesThem() {
        Resolution byEmail = resolver.resolve(new PersonRecord("r1", "isla", "lindqvist", null, Set.of("isla@example.com"),
                Set.of(), null, null, null, null, Map.of()));
        Resolution byPhone = resolver.resolve(new PersonRecord("r2", null, "lindqvist", LocalDate.of(1985, 5, 6), Set.of(),
                Set.of("+441632960961"), "9 station road", "kew", "3101", null, Map.of()));
        assertThat(byPhone.customerId()).isNotEqualTo(byEmail.customerId());

        Resolution bridge = resolver.resolve(new PersonRecord("r3", "isla", "lindqvist", LocalDate.of(1985, 5, 6),
                Set.of("isla@example.com"), Set.of("+441632960961"), "9 station road", "kew", "3101", null, Map.of()));

        assertThat(bridge.decision()).isEqualTo(Resolution.Decision.MATCHED);
        assertThat(bridge.mergedCustomerIds()).hasSize(1);
        assertThat(graph.customers()).hasSize(1);
    }

    @Test
    void mergeProtectionKeepsCustomersWithDifferentNationalIdsApart() {
        resolver.resolve(new PersonRecord("r1", "isla", "lindqvist", null, Set.of("isla@example.com"),
                Set.of(), null, null, null, null, Map.of("national-id", "1111111")));
        resolver.resolve(new PersonRecord("r2", null, "lindqvist", LocalDate.of(1985, 5, 6), Set.of(),
                Set.of("+441632960961"), "9 station road", "kew", "3101", null, Map.of("national-id", "7777777")));

        Resolution bridge = resolver.resolve(new PersonRecord("r3", "isla", "lindqvist", LocalDate.of(1985, 5, 6),
                Set.of("isla@example.com"), Set.of("+441632960961"), "9 station road", "kew", "3101", null, Map.of()));

        assertThat(bridge.mergedCustomerIds()).isEmpty();
        assertThat(bridge.blockedMerges()).hasSize(1);
        assertThat(graph.customers()).hasSize(2);
    }

    @Test
    void householdMembersSharingEmailAddressAndFamilyNameButNotTheBirthDateStayTwoCustomers() {
        Resolution mother = resolver.resolve(household("r1", "margaret", LocalDate.of(1961, 2, 3)));
        Resolution son = resolver.resolve(household("r2", "oscar", LocalDate.of(1990, 9, 27)));

        assertThat(son.customerId()).isNotEqualTo(mother.customerId());
        assertThat(son.decision()).isNotEqualTo(Resolution.Decision.MATCHED);
        assertThat(son.bestMatch().probability())
                .as("they share a lot: a steward may look, but the resolver never links them")
                .isGreaterThanOrEqualTo(MatchModel.priors().reviewThreshold());
        assertThat(son.decision()).isEqualTo(Resolution.Decision.POSSIBLE);
    }

    @Test
    void theSamePersonWithAReplacedBirthDateStillLinks() {
        Resolution first = resolver.resolve(household("r1", "margaret", LocalDate.of(1961, 2, 3)));
        Resolution replaced = resolver.resolve(household("r2", "margaret", LocalDate.of(1990, 9, 27)));

        assertThat(replaced.customerId()).isEqualTo(first.customerId());
    }

    @Test
    void aDateWrittenDayFirstOrWithOneDigitWrongStillLinks() {
        Resolution first = resolver.resolve(household("r1", "margaret", LocalDate.of(1961, 2, 3)));
        Resolution swapped = resolver.resolve(household("r2", "margaret", LocalDate.of(1961, 3, 2)));
        Resolution typo = resolver.resolve(household("r3", "margaret", LocalDate.of(1961, 2, 8)));

        assertThat(swapped.customerId()).isEqualTo(first.customerId());
        assertThat(typo.customerId()).isEqualTo(first.customerId());
    }

    @Test
    void anIdentifierDoesNotLinkToACustomerWhoseOtherRecordHasAClearlyDifferentBirthDate() {
        Resolution first = resolver.resolve(person("r1", "margaret", "wilson", LocalDate.of(1950, 1, 2), "1 high street",
                Map.of("national-id", "8812345")));
        resolver.resolve(person("r2", "margaret", "wilson", null, "1 high street", Map.of("national-id", "8812345")));
        Resolution other = resolver.resolve(person("r3", "noah", "okafor", LocalDate.of(1992, 7, 19), "40 kew road",
                Map.of("account", "55-1234")));
        Resolution sameIdAsSecond = resolver.resolve(person("r4", "noah", "okafor", LocalDate.of(1992, 7, 19), "40 kew road",
                Map.of("national-id", "8812345", "account", "55-1234")));

        assertThat(sameIdAsSecond.customerId()).isEqualTo(other.customerId()).isNotEqualTo(first.customerId());
        assertThat(graph.recordsOf(first.customerId())).containsExactlyInAnyOrder("r1", "r2");
    }

    @Test
    void customersAStewardKeptApartAreNotMergedByARecordMatchingBoth() {
        Resolution byEmail = resolver.resolve(new PersonRecord("r1", "isla", "lindqvist", null, Set.of("isla@example.com"),
                Set.of(), null, null, null, null, Map.of()));
        Resolution byPhone = resolver.resolve(new PersonRecord("r2", null, "lindqvist", LocalDate.of(1985, 5, 6), Set.of(),
                Set.of("+441632960961"), "9 station road", "kew", "3101", null, Map.of()));
        graph.keepApart(byEmail.customerId(), byPhone.customerId());

        Resolution bridge = resolver.resolve(new PersonRecord("r3", "isla", "lindqvist", LocalDate.of(1985, 5, 6),
                Set.of("isla@example.com"), Set.of("+441632960961"), "9 station road", "kew", "3101", null, Map.of()));

        assertThat(bridge.decision()).isEqualTo(Resolution.Decision.MATCHED);
        assertThat(bridge.mergedCustomerIds()).isEmpty();
        assertThat(bridge.blockedMerges()).hasSize(1);
        assertThat(graph.customers()).hasSize(2);
    }

    @Test
    void sameNameWithNothingElseInCommonIsNotAutomaticallyLinked() {
        Resolution first = resolver.resolve(person("r1", "james", "smith", LocalDate.of(1961, 2, 3), "1 high street", Map.of()));
        Resolution other = resolver.resolve(person("r2", "james", "smith", LocalDate.of(1990, 9, 27), "88 park avenue", Map.of()));

        assertThat(other.customerId()).isNotEqualTo(first.customerId());
    }

    private static PersonRecord person(String id, String given, String family, LocalDate birth, String street, Map<String, String> ids) {
        return new PersonRecord(id, given, family, birth, Set.of(), Set.of(), street, null, null, null, ids);
    }

    private static PersonRecord household(String id, String given, LocalDate birth) {
        return new PersonRecord(id, given, "quennell", birth, Set.of("quennells@example.com"), Set.of("+441632960961"),
                "7 wallaby place", "kew", "3101", "nsw", Map.of());
    }

    private static PersonRecord copy(PersonRecord r, String id) {
        return new PersonRecord(id, r.givenName(), r.familyName(), r.birthDate(), r.emails(), r.phones(), r.street(),
                r.locality(), r.postcode(), r.region(), r.uniqueIds());
    }
}
