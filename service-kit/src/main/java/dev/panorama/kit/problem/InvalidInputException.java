package dev.panorama.kit.problem;

import java.util.List;

/** Input that is well-formed but has fields a service cannot accept; answered as 400 naming each field. */
public class InvalidInputException extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public InvalidInputException(List<Problem.FieldError> errors) {
        super(errors.size() + " invalid field(s)");
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException field(String field, String message) {
        return new InvalidInputException(List.of(new Problem.FieldError(field, message)));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
