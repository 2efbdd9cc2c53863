package dev.panorama.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RequestPathTest {

    @Test
    void plainPathsPass() {
        assertThat(RequestPath.refusal("/api/v1/identity/customers/0190a3c0-0000-7000-8000-000000000001")).isEmpty();
        assertThat(RequestPath.refusal("/api/v1/identity/lookup")).isEmpty();
        assertThat(RequestPath.refusal("/api/v1/profiles/a%20b")).isEmpty();
        assertThat(RequestPath.refusal("/")).isEmpty();
    }

    @Test
    void ambiguousPathsAreRefused() {
        for (String path : new String[] {"/a/../b", "/a/..", "/a/./b", "/a/%2e%2e/b", "/a/%2E./b", "/a/..%2fb", "/a%5cb",
                "/a/%252e%252e", "/a%00", "/a//b", "/a\\..\\b", "/a b", "relative"}) {
            assertThat(RequestPath.refusal(path)).as(path).isPresent();
        }
    }

    @Property
    void anyPathWithADotSegmentIsRefused(@ForAll("segments") java.util.List<String> before, @ForAll("dots") String dots,
                                          @ForAll("segments") java.util.List<String> after) {
        String path = "/" + String.join("/", before) + (before.isEmpty() ? "" : "/") + dots
                + (after.isEmpty() ? "" : "/" + String.join("/", after));
        assertThat(RequestPath.refusal(path)).as(path).isPresent();
    }

    @Property
    void pathsOfPlainSegmentsPass(@ForAll("segments") java.util.List<String> segments) {
        assertThat(RequestPath.refusal("/" + String.join("/", segments))).isEmpty();
    }

    /** The one-pass check gives the same answer as the plain definition (a pattern, substrings, split segments). */
    @Property(tries = 3000)
    void theOnePassCheckAgreesWithThePlainDefinition(@ForAll("rawPaths") String path) {
        assertThat(RequestPath.refusal(path)).as(path).isEqualTo(definition(path));
    }

    private static Optional<String> definition(String rawPath) {
        if (rawPath == null || !Pattern.compile("/[A-Za-z0-9\\-._~!$&'()*+,;=:@%/]*").matcher(rawPath).matches()) {
            return Optional.of("The path contains characters that are not allowed.");
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (List.of("%2e", "%2f", "%5c", "%00", "%25").stream().anyMatch(lower::contains)) {
            return Optional.of("The path encodes a dot, slash, backslash, percent sign or NUL.");
        }
        if (RequestPath.segments(rawPath).stream().anyMatch(s -> s.equals(".") || s.equals(".."))) {
            return Optional.of("The path contains dot segments.");
        }
        if (rawPath.contains("//")) {
            return Optional.of("The path contains an empty segment.");
        }
        return Optional.empty();
    }

    @Provide
    Arbitrary<String> rawPaths() {
        Arbitrary<String> pieces = Arbitraries.of("/", "/", "/", ".", ".", "..", "a", "Z", "0", "%", "2", "e", "E", "f", "F", "5", "c",
                "C", "%2e", "%2E", "%25", "%00", "%5c", "%2f", "\\", " ", "\u00e9", "~", ":", "?", "#", "\t", "-", "_");
        return pieces.list().ofMaxSize(14).map(list -> String.join("", list));
    }

    @Provide
    Arbitrary<java.util.List<String>> segments() {
        return Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-', '_', '~').ofMinLength(1).ofMaxLength(12)
                .filter(s -> !s.equals(".") && !s.equals(".."))
                .list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> dots() {
        return Arbitraries.of(".", "..", "%2e", "%2E%2e", ".%2e", "%2e.");
    }
}
