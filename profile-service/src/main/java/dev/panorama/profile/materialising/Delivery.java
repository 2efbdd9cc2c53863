package dev.panorama.profile.materialising;

import dev.panorama.profile.folding.ProfileEvent;

/** An event as delivered: its id (the de-duplication key) and what it means to the profiles. */
public record Delivery(String eventId, ProfileEvent event) {

    /** Facts for one customer, whichever way it is found; everything else changes who the profiles are. */
    boolean fact() {
        return event instanceof ProfileEvent.ForCustomer || event instanceof ProfileEvent.ForSourceRecord
                || event instanceof ProfileEvent.Linked || event instanceof ProfileEvent.Ignored;
    }
}
