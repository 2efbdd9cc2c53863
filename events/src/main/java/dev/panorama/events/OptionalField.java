package dev.panorama.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event field that may be absent or null. Every other field is required: its JSON Schema lists
 * it in {@code required} and forbids null. Fields added to an existing event must be optional, so old
 * events stay valid.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD })
public @interface OptionalField {
}
