package dev.panorama.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;

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
