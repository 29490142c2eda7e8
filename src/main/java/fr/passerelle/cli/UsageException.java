package fr.passerelle.cli;

import java.io.Serial;

/** A command line that cannot be run as typed: {@link #key()} is the translation key of the message. */
final class UsageException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] arguments;

    UsageException(String key, Object... arguments) {
        super(key);
        this.key = key;
        this.arguments = arguments.clone();
    }

    String key() {
        return key;
    }

    Object[] arguments() {
        return arguments.clone();
    }
}
