package dev.panorama.reliability.load;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.panorama.journeys.client.Caller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Customers for the load, made as a back-office system makes them: one source record each, all clearly different people. */
public final class Customers {

    private static final List<String> GIVEN = List.of("Amara", "Bjorn", "Chiara", "Dmitri", "Elif", "Farid", "Greta", "Hiroshi",
            "Ines", "Jonas", "Kalani", "Lorenzo", "Maren", "Nuno", "Oksana", "Pavel", "Quentin", "Rosalind", "Soren", "Tamsin",
            "Ugo", "Valentina", "Wendell", "Ximena", "Yusuf", "Zofia", "Anselm", "Brigid", "Cosimo", "Dagny");
    private static final List<String> FAMILY = List.of("Abernathy", "Bergstrom", "Castellanos", "Dobrynin", "Eriksen", "Fairweather",
            "Gallagher", "Halvorsen", "Iwasaki", "Jankowski", "Kowalczyk", "Lindqvist", "Montgomery", "Nakamura", "Oyelaran",
            "Pemberton", "Quigley", "Rasmussen", "Szczepanski", "Thorvaldsen", "Underwood", "Vasquez", "Whitcombe", "Xenakis",
            "Yamamoto", "Zielinski", "Achterberg", "Blackwood", "Cavendish", "Delacroix");

    private Customers() {
    }

    /**
     * {@code count} customers, each with an e-mail address of its own; waits until identity knows each. The people are
     * numbers {@code first} to {@code first + count - 1} of 30: runs in one suite take different ones, or identity would
     * rightly link a run's records to the same people of an earlier run.
     */
    public static List<Customer> create(Caller backOffice, Caller agent, String run, int first, int count) {
        if (first < 0 || first + count > GIVEN.size()) {
            throw new IllegalArgumentException("there are " + GIVEN.size() + " people");
        }
        Map<String, String> emails = new LinkedHashMap<>();
        for (int i = first; i < first + count; i++) {
            String email = run + "." + GIVEN.get(i).toLowerCase() + "." + FAMILY.get(i).toLowerCase() + "@example.org";
            Map<String, Object> record = Map.of("sourceSystem", "reliability-crm", "sourceId", run + "-C" + i,
                    "name", Map.of("given", GIVEN.get(i), "family", FAMILY.get(i)),
                    "dateOfBirth", String.format("19%02d-%02d-%02d", 50 + i, 1 + i % 12, 1 + i % 28),
                    "emails", List.of(email));
            backOffice.post("/api/v1/identity/records", record).expect(201);
            emails.put(run + "-C" + i, email);
        }
        List<Customer> customers = new ArrayList<>();
        for (String email : emails.values()) {
            String[] id = new String[1];
            await("identity knows " + email).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> {
                        JsonNode ids = agent.get("/api/v1/identity/lookup?type=email&value=" + email).expect(200).path("customerIds");
                        id[0] = ids.size() == 1 ? ids.get(0).asText() : null;
                        return id[0] != null;
                    });
            customers.add(new Customer(id[0], email));
        }
        return customers;
    }
}
