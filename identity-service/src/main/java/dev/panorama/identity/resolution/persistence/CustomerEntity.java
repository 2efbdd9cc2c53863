package dev.panorama.identity.resolution.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "customer")
public class CustomerEntity {

    public enum Status {
        ACTIVE, MERGED, ERASED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;

    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When the customer's personal data was erased; the row stays as a tombstone. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    /** Who erased it (the user name of the admin). */
    @Column(name = "erased_by")
    public String erasedBy;

    public static CustomerEntity active(UUID id, Instant now) {
        CustomerEntity customer = new CustomerEntity();
        customer.id = id;
        customer.status = Status.ACTIVE;
        customer.createdAt = now;
        customer.updatedAt = now;
        return customer;
    }
}
