package dev.panorama.kit.problem;

import jakarta.ws.rs.BadRequestException;

/**
 * A query parameter whose value does not convert to the type the endpoint reads. It is a JAX-RS exception so that
 * RESTEasy Reactive passes it on as it is, rather than turning the failed conversion into a 404 that names nothing.
 */
public class InvalidParameterException extends BadRequestException {

    private final Problem.FieldError error;

    public InvalidParameterException(String parameter, String message) {
        super(parameter + " " + message);
        this.error = new Problem.FieldError(parameter, message);
    }

    public Problem.FieldError error() {
        return error;
    }
}
