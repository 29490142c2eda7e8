package fr.passerelle.cli;

import fr.passerelle.base.EmbeddedDatabaseInUseException;
import fr.passerelle.base.Translations;
import java.io.PrintStream;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs a command ({@code import companies FILE …}) in the application without its web server: the
 * arguments and the file are checked first, without Spring, so that a mistake is told at once; then a
 * non-web Spring application starts with the {@code cli} profile ({@code application-cli.properties}:
 * no Vaadin, logs on stderr) on the same database as the web application, runs {@link ImportCommand}
 * and stops.
 */
public final class CommandLine {

    static final String PROFILE = "cli";

    private CommandLine() {
    }

    /** Whether {@code main}'s arguments are a command rather than the web application's settings. */
    public static boolean handles(String[] args) {
        return ImportOptions.isImport(args);
    }

    /** Runs the command and returns the process's exit code. */
    public static int run(Class<?> application, String[] args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        var translations = new Translations();
        ImportOptions options;
        try {
            options = ImportOptions.parse(args);
            if (options.help()) {
                out.println(ImportCommand.text(translations, "import.cli.help"));
                return ImportCommand.OK;
            }
            ImportCommand.CsvFile.open(options);
        } catch (UsageException e) {
            err.println(ImportCommand.text(translations, e.key(), e.arguments()));
            return ImportCommand.USAGE;
        }
        err.println(ImportCommand.text(translations, "import.cli.progress.starting"));
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(application)
                    .web(WebApplicationType.NONE)
                    .profiles(PROFILE)
                    .run(options.springArguments().toArray(String[]::new));
        } catch (RuntimeException e) {
            EmbeddedDatabaseInUseException inUse = cause(e, EmbeddedDatabaseInUseException.class);
            err.println(inUse != null
                    ? ImportCommand.text(translations, "import.cli.error.database-in-use", inUse.dataDirectory())
                    : ImportCommand.text(translations, "import.cli.error.startup", rootMessage(e)));
            return ImportCommand.FAILED;
        }
        int code = context.getBean(ImportCommand.class).run(args, out, err);
        return SpringApplication.exit(context, () -> code);
    }

    private static <T extends Throwable> @Nullable T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
