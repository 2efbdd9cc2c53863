package dev.panorama.reliability.load;

/** A customer identity-service knows, and the e-mail address her contacts come from. */
public record Customer(String customerId, String email) {
}
