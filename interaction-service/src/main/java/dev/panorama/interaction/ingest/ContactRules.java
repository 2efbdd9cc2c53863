package dev.panorama.interaction.ingest;

import dev.panorama.events.channel.Attachment;
import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.channel.Participant;
import dev.panorama.events.channel.ParticipantRole;
import dev.panorama.interaction.log.StoredInstants;
import dev.panorama.kit.problem.Problem.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a contact must look like to be stored, whichever way it arrives; the same rules answer REST (400) and Kafka (DLQ). */
public final class ContactRules {

    static final int MAX_SHORT = 200;
    static final int MAX_SUBJECT = 1000;
    static final int MAX_LOCATION = 2000;
    static final int MAX_LIST = 100;

    private final int maxTextLength;

    public ContactRules(int maxTextLength) {
        this.maxTextLength = maxTextLength;
    }

    /**
     * The fields a contact gets wrong, each named by its path under {@code prefix}; empty when it may be stored.
     *
     * @param keyed whether the caller gave an Idempotency-Key, which stands in for a missing source message id
     */
    public List<FieldError> violations(ChannelMessage message, boolean keyed, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (message == null) {
            errors.add(new FieldError(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1), "must not be null"));
            return errors;
        }
        required(errors, prefix, "sourceSystem", message.sourceSystem(), MAX_SHORT);
        if (!keyed) {
            required(errors, prefix, "sourceMessageId", message.sourceMessageId(), MAX_SHORT);
        } else {
            longest(errors, prefix, "sourceMessageId", message.sourceMessageId(), MAX_SHORT);
        }
        present(errors, prefix, "channel", message.channel());
        present(errors, prefix, "direction", message.direction());
        present(errors, prefix, "occurredAt", message.occurredAt());
        storable(errors, prefix, "occurredAt", message.occurredAt());
        longest(errors, prefix, "conversationId", message.conversationId(), MAX_SHORT);
        longest(errors, prefix, "subject", message.subject(), MAX_SUBJECT);
        longest(errors, prefix, "text", message.text(), maxTextLength);
        longest(errors, prefix, "language", message.language(), 35);
        longest(errors, prefix, "intent", message.intent(), MAX_SHORT);
        longest(errors, prefix, "disposition", message.disposition(), MAX_SHORT);
        longest(errors, prefix, "campaignReference", message.campaignReference(), MAX_SHORT);
        words(errors, prefix, "tags", message.tags());
        words(errors, prefix, "requiredSkills", message.requiredSkills());
        participants(errors, prefix, "participants", message.participants());
        attachments(errors, prefix, "attachments", message.attachments());
        return errors;
    }

    private static void participants(List<FieldError> errors, String prefix, String name, List<Participant> participants) {
        if (participants.size() > MAX_LIST) {
            errors.add(new FieldError(prefix + name, "at most " + MAX_LIST + " participants"));
            return;
        }
        for (int i = 0; i < participants.size(); i++) {
            Participant participant = participants.get(i);
            if (participant == null || participant.role() == null) {
                errors.add(new FieldError(element(prefix, name, i) + ".role", "must not be null"));
                continue;
            }
            if (participant.role() == ParticipantRole.AGENT) {
                required(errors, prefix, name, i, ".agentId", participant.agentId(), MAX_SHORT);
            } else {
                required(errors, prefix, name, i, ".address", participant.address(), 320);
            }
            longest(errors, prefix, name, i, ".displayName", participant.displayName(), 300);
        }
    }

    private static void attachments(List<FieldError> errors, String prefix, String name, List<Attachment> attachments) {
        if (attachments.size() > MAX_LIST) {
            errors.add(new FieldError(prefix + name, "at most " + MAX_LIST + " attachments"));
            return;
        }
        for (int i = 0; i < attachments.size(); i++) {
            Attachment attachment = attachments.get(i);
            if (attachment == null) {
                errors.add(new FieldError(element(prefix, name, i), "must not be null"));
                continue;
            }
            required(errors, prefix, name, i, ".name", attachment.name(), 500);
            required(errors, prefix, name, i, ".mediaType", attachment.mediaType(), MAX_SHORT);
            required(errors, prefix, name, i, ".location", attachment.location(), MAX_LOCATION);
            if (attachment.sizeBytes() < 0) {
                errors.add(new FieldError(element(prefix, name, i) + ".sizeBytes", "must not be negative"));
            }
        }
    }

    private static void words(List<FieldError> errors, String prefix, String name, List<String> values) {
        if (values.size() > MAX_LIST) {
            errors.add(new FieldError(prefix + name, "at most " + MAX_LIST + " entries"));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            required(errors, prefix, name, i, "", values.get(i), MAX_SHORT);
        }
    }

    // Paths are put together only for a field in error: a valid contact (nearly all of them) builds no strings.

    private static String element(String prefix, String name, int index) {
        return prefix + name + "[" + index + "]";
    }

    private static void storable(List<FieldError> errors, String prefix, String name, Instant value) {
        if (value != null && !StoredInstants.holds(value)) {
            errors.add(new FieldError(prefix + name, StoredInstants.RANGE));
        }
    }

    private static void present(List<FieldError> errors, String prefix, String name, Object value) {
        if (value == null) {
            errors.add(new FieldError(prefix + name, "must not be null"));
        }
    }

    private static void required(List<FieldError> errors, String prefix, String name, String value, int max) {
        String problem = requiredProblem(value, max);
        if (problem != null) {
            errors.add(new FieldError(prefix + name, problem));
        }
    }

    private static void required(List<FieldError> errors, String prefix, String name, int index, String field, String value, int max) {
        String problem = requiredProblem(value, max);
        if (problem != null) {
            errors.add(new FieldError(element(prefix, name, index) + field, problem));
        }
    }

    private static void longest(List<FieldError> errors, String prefix, String name, String value, int max) {
        if (tooLong(value, max)) {
            errors.add(new FieldError(prefix + name, atMost(max)));
        }
    }

    private static void longest(List<FieldError> errors, String prefix, String name, int index, String field, String value, int max) {
        if (tooLong(value, max)) {
            errors.add(new FieldError(element(prefix, name, index) + field, atMost(max)));
        }
    }

    private static String requiredProblem(String value, int max) {
        if (value == null || value.isBlank()) {
            return "must not be blank";
        }
        return tooLong(value, max) ? atMost(max) : null;
    }

    private static boolean tooLong(String value, int max) {
        return value != null && value.length() > max;
    }

    private static String atMost(int max) {
        return "at most " + max + " characters";
    }
}
