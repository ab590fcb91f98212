package org.ntk4j.api;

/** Base of the errors ntk4j reports to users. */
public class Ntk4jException extends RuntimeException {
    public Ntk4jException(String message) {
        super(message);
    }

    public Ntk4jException(String message, Throwable cause) {
        super(message, cause);
    }
}
