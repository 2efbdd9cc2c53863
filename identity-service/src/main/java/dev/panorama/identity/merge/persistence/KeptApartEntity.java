package dev.panorama.identity.merge.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** Two customers a steward's change set apart: no record merges them again automatically. */
@Entity
@Table(name = "kept_apart")
public class KeptApartEntity {

    @Embeddable
    public record Id(@Column(name = "change_id") UUID changeId, @Column(name = "customer_id") UUID customerId,
            @Column(name = "other_customer_id") UUID otherCustomerId) implements Serializable {
    }

    @EmbeddedId
    public Id id;

    static KeptApartEntity of(UUID changeId, UUID customerId, UUID otherCustomerId) {
        KeptApartEntity entity = new KeptApartEntity();
        entity.id = new Id(changeId, customerId, otherCustomerId);
        return entity;
    }
}
