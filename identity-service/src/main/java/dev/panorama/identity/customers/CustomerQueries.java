package dev.panorama.identity.customers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.identity.erasure.ErasedCustomer;
import dev.panorama.identity.golden.GoldenRecords;
import dev.panorama.identity.golden.ReceivedRecord;
import dev.panorama.identity.resolution.Explanation;
import dev.panorama.identity.resolution.persistence.CustomerEntity;
import dev.panorama.identity.resolution.persistence.IdentityStore;
import dev.panorama.identity.resolution.persistence.MatchDecisionEntity;
import dev.panorama.identity.resolution.persistence.SourceRecordEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class CustomerQueries {

    private final IdentityStore store;
    private final GoldenRecords golden;
    private final ObjectMapper json;

    public CustomerQueries(IdentityStore store, GoldenRecords golden, ObjectMapper json) {
        this.store = store;
        this.golden = golden;
        this.json = json;
    }

    @WithSession
    public Uni<CustomerView> customer(UUID id) {
        return store.customer(id)
                .onItem().ifNull().failWith(() -> new UnknownCustomer(id))
                .invoke(CustomerQueries::refuseErased)
                .chain(customer -> store.currentRecordsOf(List.of(customer.id)).chain(records -> view(customer, records)));
    }

    private static void refuseErased(CustomerEntity customer) {
        if (customer.status == CustomerEntity.Status.ERASED) {
            throw new ErasedCustomer(customer.id, customer.erasedAt, customer.erasedBy);
        }
    }

    private Uni<CustomerView> view(CustomerEntity customer, List<SourceRecordEntity> records) {
        return store.decisionsFor(records.stream().map(r -> r.id).toList()).map(decisions -> {
            Map<UUID, MatchDecisionEntity> latest = decisions.stream()
                    .collect(Collectors.toMap(d -> d.recordId, Function.identity(), (first, second) -> second));
            List<CustomerView.LinkedRecord> linked = records.stream().map(r -> linked(r, latest.get(r.id))).toList();
            List<ReceivedRecord> received = records.stream().map(this::received).toList();
            return new CustomerView(customer.id, customer.status.name(), customer.mergedInto, golden.goldenRecord(received),
                    golden.identifiers(received), linked);
        });
    }

    private CustomerView.LinkedRecord linked(SourceRecordEntity record, MatchDecisionEntity decision) {
        return new CustomerView.LinkedRecord(record.id, record.sourceSystem, record.sourceId, record.version, record.receivedAt,
                decision == null ? null : decision.decision, decision == null ? null : decision.probability,
                decision == null ? null : explanation(decision.explanation));
    }

    private ReceivedRecord received(SourceRecordEntity record) {
        try {
            return new ReceivedRecord(json.readValue(record.payload, SourceRecord.class), record.receivedAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored source record " + record.id + " cannot be read", e);
        }
    }

    private Explanation explanation(String stored) {
        if (stored == null || !stored.contains("\"fields\"")) {
            return null;
        }
        try {
            return json.readValue(stored, Explanation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored explanation cannot be read", e);
        }
    }
}
