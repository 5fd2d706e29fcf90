package io.qbank.common.events;

/** An incoming record that can never be processed (missing headers, unreadable payload): it goes to the DLQ. */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message) {
        super(message);
    }
}
