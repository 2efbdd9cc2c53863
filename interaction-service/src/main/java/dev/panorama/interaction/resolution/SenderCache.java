package dev.panorama.interaction.resolution;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.panorama.interaction.config.InteractionConfig;
import dev.panorama.interaction.resolution.IdentityApi.ResolvedRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Remembers which customer a sender resolved to, so a busy sender costs one call to identity-service, and concurrent
 * contacts from one sender share that call. Merges, splits and erasures invalidate what they make wrong.
 */
@ApplicationScoped
public class SenderCache {

    private final CustomerResolver resolver;
    private final AsyncCache<String, UUID> customers;

    public SenderCache(CustomerResolver resolver, InteractionConfig config) {
        this.resolver = resolver;
        this.customers = Caffeine.newBuilder()
                .maximumSize(config.identity().cacheSize())
                .expireAfterWrite(config.identity().cacheTtl())
                .buildAsync();
    }

    /** The sender's customer; empty when identity-service refuses the address; fails with {@link IdentityUnavailable}. */
    public Uni<Optional<UUID>> customerOf(Sender sender) {
        // a refused address completes with null, which the cache does not keep; a failure is not kept either
        return Uni.createFrom().completionStage(() -> customers.get(sender.recordKey(),
                (key, executor) -> resolver.resolve(sender).map(this::customerId).subscribeAsCompletionStage()))
                .map(Optional::ofNullable);
    }

    /**
     * The sender's customer if the cache holds it already, without a call or a wait; null when it must be asked for
     * ({@link #customerOf}). Lets a batch skip the asynchronous path for the senders it knows, most of them when senders
     * write in again.
     */
    public UUID known(String senderRecord) {
        CompletableFuture<UUID> known = customers.getIfPresent(senderRecord);
        return known != null && known.isDone() && !known.isCompletedExceptionally() ? known.getNow(null) : null;
    }

    private UUID customerId(Optional<ResolvedRecord> resolved) {
        resolved.ifPresent(record -> forgetCustomers(record.mergedCustomerIds() == null ? java.util.List.of() : record.mergedCustomerIds()));
        return resolved.map(ResolvedRecord::customerId).orElse(null);
    }

    /** These customers no longer exist as themselves (merged away or erased): their senders are asked about again. */
    public void forgetCustomers(Collection<UUID> customerIds) {
        if (!customerIds.isEmpty()) {
            customers.synchronous().asMap().values().removeIf(customerIds::contains);
        }
    }

    /** These source records moved to another customer. */
    public void forgetRecords(Collection<String> senderRecords) {
        customers.synchronous().invalidateAll(senderRecords);
    }
}
