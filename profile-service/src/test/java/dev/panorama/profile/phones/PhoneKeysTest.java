package dev.panorama.profile.phones;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneKeysTest {

    private final PhoneKeys british = new PhoneKeys("GB");

    @Test
    void oneNumberWrittenThreeWaysIsLookedUpByTheSameDigits() {
        assertThat(british.lookupDigits("+44 7700 900123")).isEqualTo("447700900123");
        assertThat(british.lookupDigits("07700 900123")).isEqualTo("447700900123");
        assertThat(british.lookupDigits("0044 (0)7700-900123")).isEqualTo("447700900123");
    }

    @Test
    void aStoredNumberIsSearchedAsWrittenWithItsCountryCodeAndAsDialledAtHome() {
        assertThat(british.searchKeys("07700 900123")).containsExactlyInAnyOrder("07700900123", "447700900123", "7700900123");
        assertThat(british.searchKeys("+44 7700 900123")).containsExactlyInAnyOrder("447700900123", "7700900123");
    }

    @Test
    void aSearchAlsoLooksWithoutWhatOnlyDiallingAdds() {
        assertThat(british.searchPrefixes("07700 9")).containsExactly("077009", "77009");
        assertThat(british.searchPrefixes("0044 77")).containsExactly("004477", "4477");
        assertThat(british.searchPrefixes("+44 77")).containsExactly("4477");
        assertThat(british.searchPrefixes("+44 (0)77")).containsExactly("4477");
        assertThat(british.searchPrefixes("7700")).containsExactly("7700");
        assertThat(british.searchPrefixes("0")).containsExactly("0");
    }

    @Test
    void aQueryNotWrittenLikeANumberLooksForNone() {
        assertThat(british.searchPrefixes("zz391")).isEmpty();
        assertThat(british.searchPrefixes("flat 3")).isEmpty();
        assertThat(british.searchPrefixes("(+)")).isEmpty();
    }

    @Test
    void whatIsNotAPossibleNumberKeepsItsDigits() {
        assertThat(british.lookupDigits("12")).isEqualTo("12");
        assertThat(british.searchKeys("ext. 12")).containsExactly("12");
        assertThat(british.searchKeys("no phone")).isEmpty();
    }

    @Test
    void nationalNumbersAreReadInTheConfiguredRegion() {
        PhoneKeys american = new PhoneKeys("US");

        assertThat(american.lookupDigits("(202) 555-0147")).isEqualTo("12025550147");
        assertThat(american.lookupDigits("+44 7700 900123")).isEqualTo("447700900123");
    }
}
