package dev.panorama.interaction.resolution;

/** identity-service could not answer now (down, slow, refusing this service, or the circuit is open); ask again later. */
public class IdentityUnavailable extends RuntimeException {

    public IdentityUnavailable(Throwable cause) {
        super("identity-service unavailable: " + cause.getClass().getSimpleName(), cause);
    }
}
