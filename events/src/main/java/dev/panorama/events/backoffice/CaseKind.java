package dev.panorama.events.backoffice;

/** What a service case is about. */
public enum CaseKind {
    COMPLAINT,
    RETURN,
    WARRANTY,
    REQUEST,
    INCIDENT
}
