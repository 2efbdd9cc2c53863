package dev.panorama.identity.normalisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class NormalisersTest {

    private final Emails emails = Emails.withDefaultRules();
    private final Phones phones = new Phones("GB");
    private final Addresses addresses = Addresses.withDefaultRules();

    @Property
    void nameNormalisationIsIdempotentAndIgnoresCase(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String name) {
        String once = Names.normalise(name);
        assertThat(Names.normalise(once)).isEqualTo(once);
        assertThat(Names.normalise(name.toUpperCase(Locale.ROOT))).isEqualTo(Names.normalise(name.toLowerCase(Locale.ROOT)));
    }

    @Example
    void namesLoseTitlesAccentsAndPunctuation() {
        assertThat(Names.normalise("Dr. José  O'Brien-Smith")).isEqualTo("jose obrien smith");
        assertThat(Names.normalise("MRS ÅSA Öberg")).isEqualTo("asa oberg");
        assertThat(Names.normalise("  ")).isNull();
        assertThat(Names.normalise(null)).isNull();
    }

    @Example
    void nicknamesAreEquivalentToTheirFormalName() {
        Nicknames nicknames = Nicknames.defaults();
        assertThat(nicknames.equivalent("bob", "robert")).isTrue();
        assertThat(nicknames.equivalent("bill", "will")).isTrue();
        assertThat(nicknames.equivalent("bob", "william")).isFalse();
    }

    @Example
    void emailsFollowTheirProvidersRules() {
        assertThat(emails.normalise(" John.Smith+crm@GoogleMail.com ")).contains("johnsmith@gmail.com");
        assertThat(emails.normalise("john.smith+news@example.com")).contains("john.smith+news@example.com");
        assertThat(emails.normalise("jo+promo@outlook.com")).contains("jo@outlook.com");
        assertThat(emails.normalise("not an email")).isEmpty();
        assertThat(emails.normalise("a@b")).isEmpty();
    }

    @Property
    void emailNormalisationIsIdempotent(@ForAll @AlphaChars @StringLength(min = 1, max = 12) String local,
            @ForAll @AlphaChars @StringLength(min = 2, max = 10) String domain) {
        emails.normalise(local + "@" + domain + ".com")
                .ifPresent(normalised -> assertThat(emails.normalise(normalised)).contains(normalised));
    }

    @Example
    void phonesBecomeE164WhateverTheirFormatting() {
        assertThat(phones.normalise("01632 960961")).contains("+441632960961");
        assertThat(phones.normalise("+44 (0)1632-960-961")).contains("+441632960961");
        assertThat(phones.normalise("0044 1632 960961")).contains("+441632960961");
        assertThat(phones.normalise("12")).isEmpty();
        assertThat(phones.normalise("call me")).isEmpty();
    }

    @Property
    void everyDateFormatReadsTheSameDate(@ForAll @IntRange(min = 1900, max = 2020) int year,
            @ForAll @IntRange(min = 1, max = 12) int month, @ForAll @IntRange(min = 1, max = 28) int day) {
        LocalDate date = LocalDate.of(year, month, day);
        assertThat(Dates.parse(date.toString())).contains(date);
        assertThat(Dates.parse(String.format("%04d%02d%02d", year, month, day))).contains(date);
        assertThat(Dates.parse(String.format("%d.%d.%d", day, month, year))).contains(date);
    }

    @Example
    void slashedDatesAreDayFirstUnlessOnlyMonthFirstIsValid() {
        assertThat(Dates.parse("04/09/1956")).contains(LocalDate.of(1956, 9, 4));
        assertThat(Dates.parse("12/31/1999")).contains(LocalDate.of(1999, 12, 31));
        assertThat(Dates.parse("31/31/1999")).isEmpty();
        assertThat(Dates.parse("yesterday")).isEmpty();
    }

    @Example
    void addressesSpellOutAbbreviations() {
        assertThat(addresses.street("7, Wallaby Pl.")).isEqualTo("7 wallaby place");
        assertThat(addresses.street("12 Main St")).isEqualTo(addresses.street("12 main street"));
        assertThat(Addresses.postcode(" sw1a 1aa")).isEqualTo("SW1A1AA");
        assertThat(Addresses.postcode(" - ")).isNull();
    }
}
