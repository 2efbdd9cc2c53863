package dev.panorama.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * For every event: JSON round trips, the committed JSON Schema is the one the record implies, and
 * events validate against it (and broken ones do not).
 */
class EventContractTest {

    /** Run with -Dpanorama.events.write-schemas=true after adding an event or a field. */
    private static final boolean WRITE_SCHEMAS = Boolean.getBoolean("panorama.events.write-schemas");
    private static final Path SCHEMA_DIR = Path.of("src/main/resources/schemas");
    private static final ObjectMapper JSON = EventJson.mapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig STRICT_FORMATS = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void roundTripsThroughJsonUnchanged(EventType type) throws IOException {
        for (long seed = 1; seed <= 20; seed++) {
            for (Record event : new Record[] {SampleEvents.full(type.recordType(), seed), SampleEvents.minimal(type.recordType(), seed)}) {
                String json = JSON.writeValueAsString(event);
                assertThat(JSON.readValue(json, type.recordType())).as(json).isEqualTo(event);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void committedSchemaIsTheOneTheRecordImplies(EventType type) throws IOException {
        ObjectNode expected = JsonSchemas.schemaOf(type);
        Path file = SCHEMA_DIR.resolve(type.schemaResource().substring("/schemas/".length()));
        if (WRITE_SCHEMAS) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(expected) + "\n");
        }
        assertThat(Files.exists(file))
                .as("%s has no schema: run ./mvnw -pl events test -Dpanorama.events.write-schemas=true", type)
                .isTrue();
        assertThat(JSON.readTree(file.toFile()))
                .as("%s changed but its schema did not: run ./mvnw -pl events test -Dpanorama.events.write-schemas=true", file)
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void samplesValidateAgainstTheSchema(EventType type) throws IOException {
        JsonSchema schema = schema(type);
        for (long seed = 1; seed <= 20; seed++) {
            assertThat(schema.validate(JSON.valueToTree(SampleEvents.full(type.recordType(), seed)))).isEmpty();
            assertThat(schema.validate(JSON.valueToTree(SampleEvents.minimal(type.recordType(), seed)))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eventsMissingARequiredFieldOrOfTheWrongTypeAreRejected(EventType type) throws IOException {
        JsonSchema schema = schema(type);
        ObjectNode event = JSON.valueToTree(SampleEvents.full(type.recordType(), 7));
        String required = schema.getSchemaNode().get("required").get(0).asText();

        ObjectNode missing = event.deepCopy();
        missing.remove(required);
        assertThat(messages(schema, missing)).anyMatch(message -> message.contains(required));

        ObjectNode wrongType = event.deepCopy();
        wrongType.set(required, JSON.createObjectNode().put("unexpected", true));
        assertThat(schema.validate(wrongType)).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachSchemaIsReachableOnTheClasspath(EventType type) throws IOException {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            assertThat(in).as(type.schemaResource()).isNotNull();
            assertThat(JSON.readTree(in).get("title").asText()).isEqualTo(type.recordType().getSimpleName());
        }
    }

    private static Set<String> messages(JsonSchema schema, JsonNode json) {
        return schema.validate(json).stream().map(ValidationMessage::getMessage).collect(java.util.stream.Collectors.toSet());
    }

    private static JsonSchema schema(EventType type) throws IOException {
        return SCHEMAS.getSchema(JSON.readTree(SCHEMA_DIR.resolve(type.ceType() + ".schema.json").toFile()), STRICT_FORMATS);
    }
}
