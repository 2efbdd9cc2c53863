package dev.panorama.interaction.log;

/** How far a contact's customer is known. */
public enum Resolution {
    /** identity-service named the customer. */
    RESOLVED,
    /** identity-service could not be asked; the reconciler asks again later. */
    UNRESOLVED,
    /** The contact names no address of the customer, or identity-service refused the address: nobody to ask about. */
    UNRESOLVABLE,
    /** The customer was erased; what is left is an anonymous tombstone. */
    ERASED
}
