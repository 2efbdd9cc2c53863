package dev.panorama.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Events are backwards compatible: a field once published is never removed, renamed or retyped,
 * and a field added later is optional, so old events stay readable and old consumers keep working.
 *
 * <p>{@code src/test/resources/compat/published-fields.txt} lists every published field as
 * {@code <ce_type> <path> <signature> <required|optional>}. It only ever grows.
 */
class CompatibilityTest {

    private static final Path SNAPSHOT = Path.of("src/test/resources/compat/published-fields.txt");

    @Test
    void everyPublishedFieldIsStillThereWithItsType() throws IOException {
        List<String> breaks = breakingChanges(Files.readAllLines(SNAPSHOT), currentFields());
        assertThat(breaks)
                .as("Events must stay backwards compatible: restore these fields (add new ones beside them instead)")
                .isEmpty();
    }

    @Test
    void fieldsAddedToPublishedEventsAreOptional() throws IOException {
        List<String> published = Files.readAllLines(SNAPSHOT);
        Set<String> publishedTypes = published.stream().map(line -> line.split(" ")[0]).collect(Collectors.toSet());
        List<String> newRequired = unpublished(published).stream()
                .filter(line -> publishedTypes.contains(line.split(" ")[0]))
                .filter(line -> line.endsWith(" required"))
                .toList();
        assertThat(newRequired)
                .as("A new required field on a published event breaks its producers: mark it @OptionalField")
                .isEmpty();
    }

    @Test
    void everyCurrentFieldIsPublished() throws IOException {
        if (Boolean.getBoolean("panorama.events.write-schemas")) {
            Files.write(SNAPSHOT, unpublished(Files.readAllLines(SNAPSHOT)), java.nio.file.StandardOpenOption.APPEND);
        }
        assertThat(unpublished(Files.readAllLines(SNAPSHOT)))
                .as("New event fields: run ./mvnw -pl events test -Dpanorama.events.write-schemas=true to append them to %s",
                        SNAPSHOT)
                .isEmpty();
    }

    private static List<String> unpublished(List<String> published) {
        Set<String> known = new LinkedHashSet<>(published);
        return currentFields().stream().filter(line -> !known.contains(line)).toList();
    }

    @Test
    void aRemovedARenamedAndARetypedFieldAreEachCaught() {
        List<String> published = List.of(
                "panorama.x.Sample.v1 customerId string:uuid required",
                "panorama.x.Sample.v1 name string optional",
                "panorama.x.Sample.v1 score number optional");
        List<String> current = List.of(
                "panorama.x.Sample.v1 customerUuid string:uuid required",
                "panorama.x.Sample.v1 score string optional");

        assertThat(breakingChanges(published, current)).containsExactlyInAnyOrder(
                "panorama.x.Sample.v1 customerId: removed or renamed",
                "panorama.x.Sample.v1 name: removed or renamed",
                "panorama.x.Sample.v1 score: was number optional, now string optional");
    }

    @Test
    void anOptionalFieldBecomingRequiredIsCaught() {
        assertThat(breakingChanges(List.of("panorama.x.Sample.v1 name string optional"),
                List.of("panorama.x.Sample.v1 name string required")))
                .containsExactly("panorama.x.Sample.v1 name: was string optional, now string required");
    }

    static List<String> breakingChanges(List<String> published, List<String> current) {
        List<String> breaks = new ArrayList<>();
        for (String line : published) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] was = line.split(" ");
            String key = was[0] + " " + was[1];
            current.stream().map(c -> c.split(" ")).filter(now -> (now[0] + " " + now[1]).equals(key)).findFirst()
                    .ifPresentOrElse(now -> {
                        if (!Arrays.equals(was, now)) {
                            breaks.add(key + ": was " + was[2] + " " + was[3] + ", now " + now[2] + " " + now[3]);
                        }
                    }, () -> breaks.add(key + ": removed or renamed"));
        }
        return breaks;
    }

    static List<String> currentFields() {
        return Arrays.stream(EventType.values())
                .flatMap(type -> EventShapes.fields(type.recordType()).stream()
                        .map(field -> type.ceType() + " " + field.path() + " " + field.signature() + " "
                                + (field.optional() ? "optional" : "required")))
                .collect(Collectors.toList());
    }
}
