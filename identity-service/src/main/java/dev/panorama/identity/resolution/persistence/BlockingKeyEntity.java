package dev.panorama.identity.resolution.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

@Entity
@Table(name = "blocking_key")
public class BlockingKeyEntity {

    @Embeddable
    public record Id(String key, @Column(name = "record_id") UUID recordId) implements Serializable {
    }

    @EmbeddedId
    public Id id;
}
