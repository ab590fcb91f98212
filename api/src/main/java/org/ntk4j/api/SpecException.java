package org.ntk4j.api;

/**
 * A user mistake in an architecture or its inputs. The message names the place (a JSON path such
 * as {@code layers[2].wStd}, a file or an argument), what was expected and what was found.
 * The CLI maps it to exit code 2 without a stack trace.
 */
public class SpecException extends Ntk4jException {
    private final String place;

    public SpecException(String place, String message) {
        super(place == null || place.isEmpty() ? message : place + ": " + message);
        this.place = place;
    }

    /** The JSON path, file or argument the error is about (may be empty). */
    public String place() {
        return place;
    }
}
