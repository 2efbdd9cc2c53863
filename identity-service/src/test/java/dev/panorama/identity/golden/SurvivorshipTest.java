package dev.panorama.identity.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.panorama.events.common.Identifier;
import dev.panorama.events.common.PersonName;
import dev.panorama.events.common.PostalAddress;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.identity.normalisation.RecordNormaliser;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SurvivorshipTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final RecordNormaliser NORMALISER = RecordNormaliser.withDefaults("GB");
    private static final GoldenRules CONFIGURED = GoldenRules.of(Map.of("name", "most-trusted-source", "birth-date", "most-frequent",
            "email", "most-recent", "phone", "most-recent", "address", "most-recent"), "most-trusted-source",
            List.of("crm", "core-banking", "billing"));

    private final Survivorship survivorship = new Survivorship(CONFIGURED, NORMALISER);

    @Example
    void theNameComesFromTheMostTrustedSourceHoweverRecentTheOthers() {
        GoldenRecord golden = survivorship.goldenRecord(List.of(
                received("billing", "B-1", 30, name("Maggie", "Quennell"), null, List.of()),
                received("crm", "C-1", 10, name("Margaret", "Quennell"), null, List.of()),
                received("web", "W-1", 40, name("Mags", "Quennell"), null, List.of())));

        assertThat(golden.name().value().given()).isEqualTo("Margaret");
        assertThat(golden.name().rule()).isEqualTo("most-trusted-source");
        assertThat(golden.name().sources()).extracting(Source::sourceSystem).containsExactly("crm");
    }

    @Example
    void everyEmailIsKeptNewestFirstAndTwoSpellingsOfOneMailboxAreOneEmail() {
        GoldenRecord golden = survivorship.goldenRecord(List.of(
                received("crm", "C-1", 10, null, null, List.of("Jo.Smith@gmail.com")),
                received("billing", "B-1", 20, null, null, List.of("josmith@gmail.com", "jo@work.example.com")),
                received("web", "W-1", 30, null, null, List.of("jo@home.example.com"))));

        assertThat(golden.emails().values()).extracting(GoldenValue::value)
                .containsExactly("jo@home.example.com", "josmith@gmail.com", "jo@work.example.com");
        assertThat(golden.emails().primary()).isEqualTo("jo@home.example.com");
        GoldenValue<String> gmail = golden.emails().values().get(1);
        assertThat(gmail.sources()).extracting(Source::sourceSystem).containsExactly("billing", "crm");
        assertThat(gmail.rule()).isEqualTo("most-recent");
    }

    @Example
    void theBirthDateMostSourcesAgreeOnWins() {
        GoldenRecord golden = survivorship.goldenRecord(List.of(
                received("crm", "C-1", 10, null, LocalDate.of(1956, 9, 4), List.of()),
                received("billing", "B-1", 20, null, LocalDate.of(1956, 4, 9), List.of()),
                received("web", "W-1", 30, null, LocalDate.of(1956, 4, 9), List.of())));

        assertThat(golden.birthDate().value()).isEqualTo(LocalDate.of(1956, 4, 9));
        assertThat(golden.birthDate().sources()).hasSize(2);
    }

    @Example
    void tiesGoToTheMostRecentThenTheMostTrusted() {
        Survivorship byFrequency = new Survivorship(GoldenRules.of(Map.of(), "most-frequent", List.of("crm", "billing")), NORMALISER);
        GoldenRecord recentWins = byFrequency.goldenRecord(List.of(
                received("crm", "C-1", 10, name("Ann", "Lee"), null, List.of()),
                received("billing", "B-1", 20, name("Anne", "Lee"), null, List.of())));
        assertThat(recentWins.name().value().given()).isEqualTo("Anne");

        GoldenRecord trustedWins = byFrequency.goldenRecord(List.of(
                received("billing", "B-1", 10, name("Anne", "Lee"), null, List.of()),
                received("crm", "C-1", 10, name("Ann", "Lee"), null, List.of())));
        assertThat(trustedWins.name().value().given()).isEqualTo("Ann");
    }

    @Example
    void aValueIsShownInItsBestWrittenForm() {
        GoldenRecord golden = survivorship.goldenRecord(List.of(
                received("crm", "C-1", 10, name("JOSÉ", "GARCÍA"), null, List.of("JOSE@EXAMPLE.COM")),
                received("web", "W-1", 20, name("jose", "garcia"), null, List.of("jose@example.com")),
                received("billing", "B-1", 5, name("José", "García"), null, List.of())));

        assertThat(golden.name().value()).isEqualTo(name("José", "García"));
        assertThat(golden.name().sources()).hasSize(3);
        assertThat(golden.emails().primary()).isEqualTo("jose@example.com");
    }

    @Example
    void unknownSystemsRankAfterEveryListedOne() {
        GoldenRecord golden = survivorship.goldenRecord(List.of(
                received("shop", "S-1", 50, name("Bea", "Ng"), null, List.of()),
                received("billing", "B-1", 10, name("Beatrice", "Ng"), null, List.of())));
        assertThat(golden.name().value().given()).isEqualTo("Beatrice");
    }

    @Example
    void addressesAndPhonesFollowTheirRulesAndEmptyRecordsGiveAnEmptyGoldenRecord() {
        SourceRecord moved = new SourceRecord("billing", "B-1", T0, null, null, List.of(), List.of("+44 1632 960961", "01632960961"),
                List.of(new PostalAddress(List.of("7 Wallaby Way"), "Sydney", null, "2000", "AU", "home")), List.of());
        SourceRecord old = new SourceRecord("crm", "C-1", T0, null, null, List.of(), List.of("07700 900123"),
                List.of(new PostalAddress(List.of("1 Old Rd"), "Leeds", null, "LS1 1AA", "GB", "home")), List.of());
        GoldenRecord golden = survivorship.goldenRecord(List.of(new ReceivedRecord(old, T0), new ReceivedRecord(moved, T0.plusSeconds(60))));

        assertThat(golden.address().value().locality()).isEqualTo("Sydney");
        assertThat(golden.phones().values()).extracting(GoldenValue::value).containsExactly("+44 1632 960961", "07700 900123");

        GoldenRecord empty = survivorship.goldenRecord(List.of());
        assertThat(empty.name()).isNull();
        assertThat(empty.emails().primary()).isNull();
        assertThat(empty.emails().values()).isEmpty();
    }

    @Example
    void identifiersAreListedOncePerValueWithEverySourceCarryingThem() {
        SourceRecord crm = new SourceRecord("crm", "C-1", T0, null, null, List.of(), List.of(), List.of(),
                List.of(new Identifier("national-id", "AB 12 34 56 C", null), new Identifier("social", "@jo", "x.com")));
        SourceRecord bank = new SourceRecord("core-banking", "K-1", T0, null, null, List.of(), List.of(), List.of(),
                List.of(new Identifier("National-ID", "AB123456C", null)));

        List<KnownIdentifier> identifiers = Identifiers.of(List.of(new ReceivedRecord(crm, T0), new ReceivedRecord(bank, T0.plusSeconds(1))));

        assertThat(identifiers).extracting(KnownIdentifier::type).containsExactly("national-id", "social");
        assertThat(identifiers.getFirst().sources()).extracting(Source::sourceSystem).containsExactly("core-banking", "crm");
        assertThat(identifiers.get(1).issuer()).isEqualTo("x.com");
    }

    @Example
    void anUnknownRuleOrAttributeStopsStartWithTheProperty() {
        assertThatThrownBy(() -> GoldenRules.of(Map.of("email", "newest"), "most-recent", List.of()))
                .hasMessageContaining("panorama.identity.golden.rule.email").hasMessageContaining("'newest'")
                .hasMessageContaining("most-trusted-source, most-recent, most-frequent");
        assertThatThrownBy(() -> GoldenRules.of(Map.of(), "latest", List.of()))
                .hasMessageContaining("panorama.identity.golden.default-rule");
        assertThatThrownBy(() -> GoldenRules.of(Map.of("nickname", "most-recent"), "most-recent", List.of()))
                .hasMessageContaining("panorama.identity.golden.rule.nickname");
    }

    @Property
    void theOrderOfTheRecordsDoesNotChangeTheGoldenRecord(@ForAll("customers") List<ReceivedRecord> records, @ForAll long seed) {
        List<ReceivedRecord> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(survivorship.goldenRecord(shuffled)).isEqualTo(survivorship.goldenRecord(records));
        assertThat(Identifiers.of(shuffled)).isEqualTo(Identifiers.of(records));
    }

    @Property
    void everyGoldenValueIsOneAValueItsSourcesSent(@ForAll("customers") List<ReceivedRecord> records) {
        GoldenRecord golden = survivorship.goldenRecord(records);
        if (golden.name() != null) {
            assertThat(golden.name().sources()).isNotEmpty().allSatisfy(source ->
                    assertThat(sent(records, source).record().name()).isNotNull());
            assertThat(records).extracting(r -> r.record().name()).contains(golden.name().value());
        }
        for (GoldenValue<String> email : golden.emails().values()) {
            assertThat(email.sources()).isNotEmpty().allSatisfy(source ->
                    assertThat(sent(records, source).record().emails().stream().map(e -> NORMALISER.email(e)))
                            .contains(NORMALISER.email(email.value())));
        }
        long distinctEmails = records.stream().flatMap(r -> r.record().emails().stream()).map(NORMALISER::email)
                .flatMap(java.util.Optional::stream).distinct().count();
        assertThat(golden.emails().values()).hasSize((int) distinctEmails);
        if (golden.birthDate() != null) {
            assertThat(records).extracting(r -> r.record().dateOfBirth()).contains(golden.birthDate().value());
        }
    }

    @Provide
    Arbitrary<List<ReceivedRecord>> customers() {
        Arbitrary<String> system = Arbitraries.of("crm", "billing", "core-banking", "shop");
        Arbitrary<PersonName> name = Combinators.combine(Arbitraries.of("Ann", "ANNE", "anne", "Anna", "José"),
                Arbitraries.of("Lee", "LEE", "Li")).as(SurvivorshipTest::name).injectNull(0.2);
        Arbitrary<LocalDate> birth = Arbitraries.of(LocalDate.of(1980, 1, 2), LocalDate.of(1980, 2, 1)).injectNull(0.3);
        Arbitrary<List<String>> emails = Arbitraries.of("ann@example.com", "ANN@example.com", "a.nn@gmail.com", "ann@gmail.com",
                "lee@work.example.org", "not an email").list().ofMaxSize(3);
        Arbitrary<Integer> second = Arbitraries.integers().between(0, 5);
        Arbitrary<ReceivedRecord> record = Combinators.combine(system, Arbitraries.integers().between(1, 9), second, name, birth, emails)
                .as((sys, id, at, n, b, e) -> received(sys, sys + "-" + id, at, n, b, e));
        return record.list().ofMaxSize(6).uniqueElements(r -> r.record().sourceSystem() + r.record().sourceId());
    }

    private static ReceivedRecord sent(List<ReceivedRecord> records, Source source) {
        return records.stream().filter(r -> r.source().equals(source)).findFirst().orElseThrow();
    }

    private static ReceivedRecord received(String system, String id, int second, PersonName name, LocalDate birth, List<String> emails) {
        return new ReceivedRecord(new SourceRecord(system, id, T0, name, birth, emails, List.of(), List.of(), List.of()),
                T0.plusSeconds(second));
    }

    private static PersonName name(String given, String family) {
        return new PersonName(null, given, null, family, null);
    }
}
