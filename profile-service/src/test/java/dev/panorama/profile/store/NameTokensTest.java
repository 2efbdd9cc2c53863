package dev.panorama.profile.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameTokensTest {

    @Test
    void aNameIsKeptByItsLowerCasedPartsWithAndWithoutAccents() {
        assertThat(NameTokens.keys("  Zoë  Kovács-Dvořák, Jr ")).containsExactly("zoë", "zoe", "kovács-dvořák", "kovacs-dvorak", "jr");
        assertThat(NameTokens.keys("Anna Smith")).containsExactly("anna", "smith");
    }

    @Test
    void lettersWithoutASeparableAccentAreSpeltAsTyped() {
        assertThat(NameTokens.folded("søren łukasz straße ærø œuvre")).isEqualTo("soren lukasz strasse aero oeuvre");
    }

    @Test
    void aQueryIsItsWords() {
        assertThat(NameTokens.words("Kovács,  Hanna")).containsExactly("kovács", "hanna");
        assertThat(NameTokens.words(" , ")).isEmpty();
    }
}
