package dev.panorama.interaction.ingest;

import dev.panorama.events.channel.Attachment;
import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.channel.Participant;
import dev.panorama.events.channel.ParticipantRole;
import dev.panorama.kit.problem.Problem.FieldError;
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
        required(errors, prefix + "sourceSystem", message.sourceSystem(), MAX_SHORT);
        if (!keyed) {
            required(errors, prefix + "sourceMessageId", message.sourceMessageId(), MAX_SHORT);
        } else {
            longest(errors, prefix + "sourceMessageId", message.sourceMessageId(), MAX_SHORT);
        }
        present(errors, prefix + "channel", message.channel());
        present(errors, prefix + "direction", message.direction());
        present(errors, prefix + "occurredAt", message.occurredAt());
        longest(errors, prefix + "conversationId", message.conversationId(), MAX_SHORT);
        longest(errors, prefix + "subject", message.subject(), MAX_SUBJECT);
        longest(errors, prefix + "text", message.text(), maxTextLength);
        longest(errors, prefix + "language", message.language(), 35);
        longest(errors, prefix + "intent", message.intent(), MAX_SHORT);
        longest(errors, prefix + "disposition", message.disposition(), MAX_SHORT);
        longest(errors, prefix + "campaignReference", message.campaignReference(), MAX_SHORT);
        words(errors, prefix + "tags", message.tags());
        words(errors, prefix + "requiredSkills", message.requiredSkills());
        participants(errors, prefix + "participants", message.participants());
        attachments(errors, prefix + "attachments", message.attachments());
        return errors;
    }

    private static void participants(List<FieldError> errors, String path, List<Participant> participants) {
        if (participants.size() > MAX_LIST) {
            errors.add(new FieldError(path, "at most " + MAX_LIST + " participants"));
            return;
        }
        for (int i = 0; i < participants.size(); i++) {
            Participant participant = participants.get(i);
            String at = path + "[" + i + "]";
            if (participant == null || participant.role() == null) {
                errors.add(new FieldError(at + ".role", "must not be null"));
                continue;
            }
            if (participant.role() == ParticipantRole.AGENT) {
                required(errors, at + ".agentId", participant.agentId(), MAX_SHORT);
            } else {
                required(errors, at + ".address", participant.address(), 320);
            }
            longest(errors, at + ".displayName", participant.displayName(), 300);
        }
    }

    private static void attachments(List<FieldError> errors, String path, List<Attachment> attachments) {
        if (attachments.size() > MAX_LIST) {
            errors.add(new FieldError(path, "at most " + MAX_LIST + " attachments"));
            return;
        }
        for (int i = 0; i < attachments.size(); i++) {
            Attachment attachment = attachments.get(i);
            String at = path + "[" + i + "]";
            if (attachment == null) {
                errors.add(new FieldError(at, "must not be null"));
                continue;
            }
            required(errors, at + ".name", attachment.name(), 500);
            required(errors, at + ".mediaType", attachment.mediaType(), MAX_SHORT);
            required(errors, at + ".location", attachment.location(), MAX_LOCATION);
            if (attachment.sizeBytes() < 0) {
                errors.add(new FieldError(at + ".sizeBytes", "must not be negative"));
            }
        }
    }

    private static void words(List<FieldError> errors, String path, List<String> values) {
        if (values.size() > MAX_LIST) {
            errors.add(new FieldError(path, "at most " + MAX_LIST + " entries"));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            required(errors, path + "[" + i + "]", values.get(i), MAX_SHORT);
        }
    }

    private static void present(List<FieldError> errors, String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, "must not be null"));
        }
    }

    private static void required(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
        } else {
            longest(errors, field, value, max);
        }
    }

    private static void longest(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "at most " + max + " characters"));
        }
    }
}
