package dev.outrigger.sidecar.tls;

/** Certificate, key or CA files that cannot be used; the message says which and why. */
public final class InvalidMaterialException extends Exception {

    InvalidMaterialException(String message, Throwable cause) {
        super(message, cause);
    }

    InvalidMaterialException(String message) {
        super(message);
    }
}
