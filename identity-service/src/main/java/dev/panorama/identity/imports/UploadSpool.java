package dev.panorama.identity.imports;

import dev.panorama.identity.config.IdentityConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.nio.file.Path;

/**
 * Writes an upload to a file of its own as it arrives, never holding more than a few network buffers:
 * the request is paused whenever the disk falls behind. The file is the import's input afterwards.
 */
@ApplicationScoped
public class UploadSpool {

    private final Vertx vertx;
    private final IdentityConfig config;

    public UploadSpool(Vertx vertx, IdentityConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    /** The upload's file once the whole body is in it; 413 when it grows past the limit. */
    public Uni<Path> receive(HttpServerRequest request) {
        long max = config.imports().maxUploadSize().asLongValue();
        String directory = config.imports().spoolDirectory().orElse(Path.of(System.getProperty("java.io.tmpdir"))).toString();
        return Uni.createFrom().completionStage(() -> vertx.fileSystem()
                        .createTempFile(directory, "panorama-import-", ".upload", (String) null).toCompletionStage())
                .chain(file -> Uni.createFrom().completionStage(() -> vertx.fileSystem()
                                .open(file, new OpenOptions().setWrite(true)).toCompletionStage())
                        .chain(out -> copy(request, out, max))
                        .replaceWith(Path.of(file))
                        .onFailure().call(() -> delete(Path.of(file))));
    }

    public Uni<Void> delete(Path file) {
        return Uni.createFrom().completionStage(() -> vertx.fileSystem().delete(file.toString()).toCompletionStage())
                .onFailure().recoverWithNull();
    }

    private static Uni<Void> copy(HttpServerRequest request, AsyncFile out, long max) {
        return Uni.createFrom().emitter(emitter -> {
            long[] received = {0};
            out.exceptionHandler(failure -> {
                request.pause();
                out.close();
                emitter.fail(failure);
            });
            request.exceptionHandler(failure -> {
                out.close();
                emitter.fail(failure);
            });
            request.handler(chunk -> {
                received[0] += chunk.length();
                if (received[0] > max) {
                    request.handler(null);
                    request.endHandler(null);
                    request.response().headers().add("Connection", "close");
                    out.close();
                    emitter.fail(new WebApplicationException("upload larger than " + max + " bytes",
                            Response.Status.REQUEST_ENTITY_TOO_LARGE));
                    return;
                }
                out.write(chunk);
                if (out.writeQueueFull()) {
                    request.pause();
                    out.drainHandler(ignored -> request.resume());
                }
            });
            request.endHandler(ignored -> out.close().onComplete(closed -> {
                if (closed.succeeded()) {
                    emitter.complete(null);
                } else {
                    emitter.fail(closed.cause());
                }
            }));
            request.resume();
        });
    }
}
