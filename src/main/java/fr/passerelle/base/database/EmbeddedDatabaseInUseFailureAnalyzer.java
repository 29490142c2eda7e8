package fr.passerelle.base.database;

import fr.passerelle.base.EmbeddedDatabaseInUseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says plainly, instead of a stack trace, why the application did not start when its embedded
 * database's directory is already open elsewhere (registered in {@code META-INF/spring.factories}).
 */
class EmbeddedDatabaseInUseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseInUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Only one Passerelle process at a time can use the embedded database in " + cause.dataDirectory()
                        + ". Stop the other one (the web application, or an import run from the command line) and start again,"
                        + " or point PASSERELLE_DATA_DIR at another directory.",
                cause);
    }
}
