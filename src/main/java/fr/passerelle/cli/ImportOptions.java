package fr.passerelle.cli;

import fr.passerelle.companycsv.ImportMode;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code import companies FILE [--dry-run] [--all-or-nothing] [--encoding E] [--delimiter D]
 * [--mapping NAME] [--user USERNAME] [--help]}, read without Spring so that a typing mistake is told at
 * once. Options take their value as the next argument or after {@code =}. Any other
 * {@code --name=value} whose name has a dot ({@code --spring.datasource.url=…},
 * {@code --passerelle.embedded-db.data-dir=…}) is a Spring setting and goes to the application.
 *
 * @param encoding  null: detected
 * @param delimiter null: detected
 * @param mapping   a saved mapping's name; null: guessed from the header
 */
record ImportOptions(boolean help, @Nullable Path file, boolean dryRun, ImportMode mode, @Nullable Charset encoding,
                     @Nullable Character delimiter, @Nullable String mapping, String user, List<String> springArguments) {

    static final String COMMAND = "import";
    static final String SUBJECT = "companies";
    static final String DEFAULT_USER = "admin";

    ImportOptions {
        springArguments = List.copyOf(springArguments);
    }

    /** Whether the arguments ask for an import rather than the web application. */
    static boolean isImport(String[] args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    static ImportOptions parse(String[] args) throws UsageException {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return new ImportOptions(true, null, false, ImportMode.VALID_ROWS_ONLY, null, null, null, DEFAULT_USER, List.of());
            }
        }
        List<String> positional = new ArrayList<>();
        List<String> spring = new ArrayList<>();
        boolean dryRun = false;
        ImportMode mode = ImportMode.VALID_ROWS_ONLY;
        Charset encoding = null;
        Character delimiter = null;
        String mapping = null;
        String user = DEFAULT_USER;
        for (int i = args.length > 0 && COMMAND.equals(args[0]) ? 1 : 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-") || arg.equals("-")) {
                positional.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String inlineValue = equals < 0 ? null : arg.substring(equals + 1);
            switch (name) {
                case "--dry-run" -> {
                    noValue(name, inlineValue);
                    dryRun = true;
                }
                case "--all-or-nothing" -> {
                    noValue(name, inlineValue);
                    mode = ImportMode.ALL_OR_NOTHING;
                }
                case "--encoding", "--delimiter", "--mapping", "--user" -> {
                    String value = inlineValue;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException("import.cli.error.missing-value", name);
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--encoding" -> encoding = charset(value);
                        case "--delimiter" -> delimiter = delimiter(value);
                        case "--mapping" -> mapping = required(name, value);
                        default -> user = required(name, value);
                    }
                }
                default -> {
                    if (name.startsWith("--") && name.indexOf('.') > 0 && inlineValue != null) {
                        spring.add(arg);
                    } else {
                        throw new UsageException("import.cli.error.unknown-option", name);
                    }
                }
            }
        }
        if (positional.isEmpty()) {
            throw new UsageException("import.cli.error.no-subject");
        }
        if (!SUBJECT.equals(positional.getFirst())) {
            throw new UsageException("import.cli.error.unknown-subject", positional.getFirst());
        }
        if (positional.size() < 2) {
            throw new UsageException("import.cli.error.no-file");
        }
        if (positional.size() > 2) {
            throw new UsageException("import.cli.error.extra-argument", positional.get(2));
        }
        return new ImportOptions(false, Path.of(positional.get(1)), dryRun, mode, encoding, delimiter, mapping, user, spring);
    }

    private static void noValue(String name, @Nullable String value) throws UsageException {
        if (value != null) {
            throw new UsageException("import.cli.error.no-value", name);
        }
    }

    private static String required(String name, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException("import.cli.error.missing-value", name);
        }
        return value.strip();
    }

    private static Charset charset(String name) throws UsageException {
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            throw new UsageException("import.cli.error.encoding-unknown", name);
        }
    }

    private static char delimiter(String value) throws UsageException {
        return switch (value.equals("\t") ? "tab" : value.strip().toLowerCase(Locale.ROOT)) {
            case ";" -> ';';
            case "," -> ',';
            case "tab", "\\t" -> '\t';
            default -> throw new UsageException("import.cli.error.delimiter-unknown", value);
        };
    }
}
