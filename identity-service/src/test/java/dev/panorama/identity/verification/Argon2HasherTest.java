package dev.panorama.identity.verification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Argon2HasherTest {

    private final Argon2Hasher cheap = new Argon2Hasher(new Argon2Hasher.Parameters(64, 1, 1));

    @Test
    void aHashIsAnArgon2idPhcStringWithItsOwnSaltThatOnlyTheSecretVerifies() {
        String first = cheap.hash("1956-04-09");
        String second = cheap.hash("1956-04-09");
        assertThat(first).matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}")
                .doesNotContain("1956");
        assertThat(second).isNotEqualTo(first);
        assertThat(cheap.verify(first, "1956-04-09")).isTrue();
        assertThat(cheap.verify(second, "1956-04-09")).isTrue();
        assertThat(cheap.verify(first, "1956-04-10")).isFalse();
    }

    @Test
    void hashesKeepVerifyingAfterTheParametersAreRaised() {
        String old = cheap.hash("sw1a1aa");
        Argon2Hasher raised = new Argon2Hasher(new Argon2Hasher.Parameters(128, 2, 2));
        assertThat(raised.verify(old, "sw1a1aa")).isTrue();
        assertThat(raised.hash("sw1a1aa")).startsWith("$argon2id$v=19$m=128,t=2,p=2$");
    }

    @Test
    void verifiesTheArgon2ReferenceImplementationsOwnHash() {
        // from the test vectors of the reference implementation (phc-winner-argon2, test.c, Argon2id v1.3)
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertThat(cheap.verify(reference, "password")).isTrue();
        assertThat(cheap.verify(reference, "Password")).isFalse();
    }

    @Test
    void anythingButAnArgon2idPhcStringNeverVerifies() {
        assertThat(cheap.verify("1956-04-09", "1956-04-09")).isFalse();
        assertThat(cheap.verify("$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaA", "x")).isFalse();
        assertThat(cheap.verify("$2a$10$abcdefghijklmnopqrstuv", "x")).isFalse();
    }
}
