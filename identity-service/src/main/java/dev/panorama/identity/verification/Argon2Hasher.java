package dev.panorama.identity.verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id hashes in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), each with a
 * random salt of its own. A hash is checked with the parameters written in it, so raising the parameters
 * later leaves every stored hash verifiable. Slow on purpose: callers run it off the event loop.
 */
public final class Argon2Hasher {

    /** Memory in KiB, passes over it, and lanes. */
    public record Parameters(int memoryKib, int iterations, int parallelism) {
        public Parameters {
            if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
                throw new IllegalArgumentException("argon2 needs iterations >= 1, parallelism >= 1, memory >= 8 KiB per lane");
            }
        }
    }

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,9}),t=(\\d{1,6}),p=(\\d{1,3})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final Parameters parameters;
    private final SecureRandom random = new SecureRandom();

    public Argon2Hasher(Parameters parameters) {
        this.parameters = parameters;
    }

    public String hash(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(secret, salt, parameters, HASH_BYTES);
        return "$argon2id$v=19$m=" + parameters.memoryKib() + ",t=" + parameters.iterations() + ",p=" + parameters.parallelism()
                + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /** Whether the secret is the one hashed, compared in constant time; false for anything not an Argon2id PHC string. */
    public boolean verify(String phc, String secret) {
        Matcher matcher = PHC.matcher(phc);
        if (!matcher.matches()) {
            return false;
        }
        Parameters stored = new Parameters(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)));
        byte[] expected = DECODER.decode(matcher.group(5));
        byte[] actual = derive(secret, DECODER.decode(matcher.group(4)), stored, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends what a check costs without checking anything, so a factor that is not set takes as long as one that is. */
    public void spendOneCheck(String secret) {
        derive(secret, new byte[SALT_BYTES], parameters, HASH_BYTES);
    }

    private static byte[] derive(String secret, byte[] salt, Parameters parameters, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(parameters.memoryKib())
                .withIterations(parameters.iterations())
                .withParallelism(parameters.parallelism())
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(secret.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
