package fr.passerelle.csv;

import java.io.Serial;

/**
 * A problem with a file that the person who brought it must be told about: {@link #key()} is a
 * translation key (its message), {@link #arguments()} the values of its placeholders.
 */
public final class CsvException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String key;
    private final Object[] arguments;

    public CsvException(String key, Object... arguments) {
        super(key);
        this.key = key;
        this.arguments = arguments.clone();
    }

    public String key() {
        return key;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
