package dev.panorama.profile.phones;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneKeysTest {

    private final PhoneKeys british = new PhoneKeys("GB");

    @Test
    void oneNumberWrittenThreeWaysIsLookedUpByTheSameDigits() {
        assertThat(british.read("+44 7700 900123").lookupDigits()).isEqualTo("447700900123");
        assertThat(british.read("07700 900123").lookupDigits()).isEqualTo("447700900123");
        assertThat(british.read("0044 (0)7700-900123").lookupDigits()).isEqualTo("447700900123");
        assertThat(british.read("+44 07700 900123").lookupDigits()).isEqualTo("447700900123");
    }

    @Test
    void aStoredNumberIsSearchedAsWrittenWithItsCountryCodeAndAsDialledAtHome() {
        assertThat(british.read("07700 900123").searchKeys()).containsExactlyInAnyOrder("07700900123", "447700900123", "7700900123");
        assertThat(british.read("+44 7700 900123").searchKeys()).containsExactlyInAnyOrder("447700900123", "7700900123");
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
        assertThat(british.read("12").lookupDigits()).isEqualTo("12");
        assertThat(british.read("ext. 12").searchKeys()).containsExactly("12");
        assertThat(british.read("no phone").searchKeys()).isEmpty();
    }

    @Test
    void nationalNumbersAreReadInTheConfiguredRegion() {
        PhoneKeys american = new PhoneKeys("US");

        assertThat(american.read("(202) 555-0147").lookupDigits()).isEqualTo("12025550147");
        assertThat(american.read("+44 7700 900123").lookupDigits()).isEqualTo("447700900123");
    }
}
