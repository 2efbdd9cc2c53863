package dev.panorama.interaction.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.events.EventJson;
import dev.panorama.events.channel.ChannelMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A contact's identity across retries and redeliveries: its source system with the adapter's message id, or with the
 * caller's Idempotency-Key where there is no message id. Kept as a hash so the key itself never needs erasing.
 */
public final class Idempotency {

    private static final ObjectMapper JSON = EventJson.mapper();
    /** One digest per thread: looking the algorithm up for every contact costs about as much as hashing it. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private Idempotency() {
    }

    public static String keyOf(ChannelMessage message, String idempotencyKey) {
        String id = message.sourceMessageId() != null && !message.sourceMessageId().isBlank()
                ? "message:" + message.sourceMessageId()
                : "key:" + idempotencyKey;
        return sha256(message.sourceSystem() + '\u0000' + id);
    }

    /** What was sent, so a key reused for different content is told apart from a retry. */
    public static String contentHashOf(ChannelMessage message) {
        try {
            return sha256(JSON.writeValueAsBytes(message));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("contact not serialisable", e);
        }
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(bytes));
    }
}
