package dev.panorama.profile.foundation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Test-only: sends and receives through this service's Kafka connector and the real broker. */
@ApplicationScoped
public class KafkaProbe {

    @Inject
    @Channel("foundation-probe-out")
    Emitter<String> out;

    private final List<String> received = new CopyOnWriteArrayList<>();

    @Incoming("foundation-probe-in")
    void receive(String payload) {
        received.add(payload);
    }

    public void send(String payload) {
        out.send(payload).toCompletableFuture().join();
    }

    public List<String> received() {
        return received;
    }
}
