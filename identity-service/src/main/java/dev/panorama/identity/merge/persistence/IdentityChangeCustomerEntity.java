package dev.panorama.identity.merge.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A customer a change involved. */
@Entity
@Table(name = "identity_change_customer")
public class IdentityChangeCustomerEntity {

    @Embeddable
    public record Id(@Column(name = "customer_id") UUID customerId, @Column(name = "change_id") UUID changeId)
            implements Serializable {
    }

    @EmbeddedId
    public Id id;

    public static IdentityChangeCustomerEntity of(UUID customerId, UUID changeId) {
        IdentityChangeCustomerEntity entity = new IdentityChangeCustomerEntity();
        entity.id = new Id(customerId, changeId);
        return entity;
    }
}
