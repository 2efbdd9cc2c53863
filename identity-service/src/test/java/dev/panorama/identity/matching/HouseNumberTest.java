package dev.panorama.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HouseNumberTest {

    @Test
    void theHouseNumberIsTheStreetsDigitsInOrder() {
        assertThat(Comparison.houseNumber("12b high street")).isEqualTo("12");
        assertThat(Comparison.houseNumber("flat 3, 41 mill lane")).isEqualTo("341");
        assertThat(Comparison.houseNumber("the old rectory")).isEmpty();
    }

    @Test
    void onlyAsciiDigitsCount() {
        assertThat(Comparison.houseNumber("\u0663\u0664 rue 7")).isEqualTo("7");
    }
}
