package dev.panorama.routing.live;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every replica LISTENs on {@code routing_agent} with one dedicated connection and hands each notice to the
 * streams of the agent it names. Whichever replica (or transaction) changed an offer, task or presence, the
 * triggers' NOTIFY reaches every replica once that transaction commits, and never if it rolls back. A lost
 * connection is re-established; notices sent meanwhile are lost, which the console covers by reading the
 * agent's offers and tasks again whenever its stream (re)connects.
 */
@ApplicationScoped
public class AgentNotices {

    private static final Logger LOG = Logger.getLogger(AgentNotices.class);
    private static final long MAX_RECONNECT_DELAY_MS = 5_000;
    private static final int STREAM_BUFFER = 1_000;

    private final BroadcastProcessor<AgentNotice> notices = BroadcastProcessor.create();
    private final PgSubscriber subscriber;

    public AgentNotices(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url)
                .setUser(user).setPassword(password);
        this.subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(attempt -> Math.min(MAX_RECONNECT_DELAY_MS, 100L * (1L << Math.min(attempt, 6))));
        subscriber.channel(AgentNotice.CHANNEL).handler(this::heard);
    }

    void start(@Observes StartupEvent started) {
        subscriber.connect().subscribe().with(connected -> LOG.info("listening for agent notices"),
                failure -> LOG.warnf("cannot listen for agent notices yet: %s", failure.getMessage()));
    }

    void stop(@Observes ShutdownEvent stopping) {
        subscriber.closeAndForget();
    }

    /**
     * The notices for one agent from now on (hot: nothing is replayed). Each stream buffers what its reader has
     * not taken yet; one that falls this far behind ends, and the console reconnects and reads afresh.
     */
    public Multi<AgentNotice> of(String agentId) {
        return notices.filter(notice -> notice.agent().equals(agentId)).onOverflow().buffer(STREAM_BUFFER);
    }

    /** Every notice from now on (hot), for a reader that keeps up (it must not block). */
    public Multi<AgentNotice> all() {
        return notices;
    }

    private void heard(String payload) {
        AgentNotice.parse(payload).ifPresentOrElse(notices::onNext, () -> LOG.warn("ignored a notice that is not an agent notice"));
    }
}
