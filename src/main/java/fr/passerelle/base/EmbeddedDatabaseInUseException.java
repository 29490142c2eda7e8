package fr.passerelle.base;

import java.io.Serial;
import java.nio.file.Path;

/**
 * The embedded PostgreSQL's data directory is already open in another process (the web application
 * while an import runs from the command line, or a second start of the application): one cluster
 * directory serves one server at a time.
 */
public class EmbeddedDatabaseInUseException extends IllegalStateException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Path dataDirectory;

    public EmbeddedDatabaseInUseException(Path dataDirectory, String detail) {
        super("The embedded database's data directory " + dataDirectory + " is already in use by another process (" + detail + ")");
        this.dataDirectory = dataDirectory;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }
}
