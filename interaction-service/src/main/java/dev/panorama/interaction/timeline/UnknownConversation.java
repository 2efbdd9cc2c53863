package dev.panorama.interaction.timeline;

import dev.panorama.kit.problem.DomainException;

public class UnknownConversation extends DomainException {

    public UnknownConversation() {
        super(Kind.NOT_FOUND, "conversation-not-found", "No contact belongs to this conversation.");
    }
}
