package dev.panorama.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.panorama.devstack.test.KeycloakTokens;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.bson.Document;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every part of the stack, reached over its real protocol. */
class DevStackTest {

    private static DevStack stack;

    @BeforeAll
    static void startEverything() {
        stack = DevStack.shared().ensure(EnumSet.allOf(Part.class));
    }

    @Test
    void postgresRunsQueriesInTheServiceDatabase() throws Exception {
        Map<String, String> config = stack.quarkusConfig(EnumSet.of(Part.POSTGRES), "devstack_check");
        assertThat(config.get("quarkus.datasource.reactive.url")).endsWith("/devstack_check");
        try (Connection connection = stack.postgres().connect("devstack_check");
                ResultSet result = connection.createStatement().executeQuery("select current_database(), version()")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("devstack_check");
            assertThat(result.getString(2)).startsWith("PostgreSQL 17");
        }
    }

    @Test
    void kafkaDeliversWhatWasProduced() throws Exception {
        String topic = "devstack.check";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties())) {
            producer.send(new ProducerRecord<>(topic, "customer-1", "hello")).get();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            consumer.subscribe(List.of(topic));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int attempt = 0; attempt < 20 && records.isEmpty(); attempt++) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            assertThat(records).extracting(record -> record.key() + "=" + record.value()).containsExactly("customer-1=hello");
        }
    }

    @Test
    void mongoStoresAndFindsDocumentsOverTheWireProtocol() {
        try (MongoClient client = MongoClients.create(stack.mongo().connectionString())) {
            MongoCollection<Document> customers = client.getDatabase("devstack_check").getCollection("customers");
            customers.insertOne(new Document("_id", "c-1").append("tier", "VIP"));
            assertThat(customers.find(Filters.eq("_id", "c-1")).first()).containsEntry("tier", "VIP");
        }
    }

    @Test
    void keycloakIssuesTokensWithRealmRoles() {
        String token = KeycloakTokens.forUser("alice");
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(payload).contains("\"iss\":\"" + stack.keycloak().issuer() + "\"").contains("\"agent\"");

        String adapter = KeycloakTokens.forClient("channel-adapter");
        assertThat(new String(Base64.getUrlDecoder().decode(adapter.split("\\.")[1]))).contains("\"channel-adapter\"");

        assertThatThrownBy(() -> KeycloakTokens.forClient("no-such-client")).hasMessageContaining("401");
    }

    @Test
    void keycloakLogsOneUserInFromManyPlacesAtOnce() throws Exception {
        int logins = 16;
        try (ExecutorService callers = Executors.newFixedThreadPool(logins)) {
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = 0; i < logins; i++) {
                tokens.add(callers.submit(() -> KeycloakTokens.forUser("carl")));
            }
            for (Future<String> token : tokens) {
                assertThat(token.get()).as("a token for each of carl's simultaneous logins").isNotBlank();
            }
        }
    }

    @Test
    void everyPartCanBeAnExternalServerGivenByItsVariable() throws Exception {
        Map<String, String> environment = Map.of(
                "PANORAMA_POSTGRES", "127.0.0.1:" + stack.postgres().port(),
                "PANORAMA_KAFKA", stack.kafka().bootstrapServers(),
                "PANORAMA_MONGODB", stack.mongo().connectionString(),
                "PANORAMA_KEYCLOAK", stack.keycloak().url());
        long before = ProcessHandle.current().children().count();
        try (DevStack external = DevStack.create(DevStackSettings.forTests(), environment::get)) {
            Map<String, String> config = external.quarkusConfig(EnumSet.allOf(Part.class), "external_check");

            assertThat(ProcessHandle.current().children().count()).as("no server started").isEqualTo(before);
            assertThat(config).containsEntry("kafka.bootstrap.servers", stack.kafka().bootstrapServers())
                    .containsEntry("quarkus.mongodb.connection-string", stack.mongo().connectionString())
                    .containsEntry("quarkus.oidc.auth-server-url", stack.keycloak().issuer());
            try (Connection connection = external.postgres().connect("external_check")) {
                assertThat(connection.isValid(2)).isTrue();
            }
        }
        try (Connection stillRunning = stack.postgres().connect("external_check")) {
            assertThat(stillRunning.isValid(2)).as("closing a stack of external servers stops none of them").isTrue();
        }
    }

    private static Properties producerProperties() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return properties;
    }

    private static Properties consumerProperties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "devstack-check");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return properties;
    }
}
