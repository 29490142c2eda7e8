package fr.passerelle.cli;

import fr.passerelle.base.Role;
import fr.passerelle.base.Translations;
import fr.passerelle.companycsv.CompanyImportService;
import fr.passerelle.companycsv.ImportMapping;
import fr.passerelle.companycsv.ImportMode;
import fr.passerelle.companycsv.ImportProgress;
import fr.passerelle.companycsv.ImportReport;
import fr.passerelle.companycsv.ImportRequest;
import fr.passerelle.companycsv.ImportRowError;
import fr.passerelle.csv.CsvDialect;
import fr.passerelle.csv.CsvException;
import fr.passerelle.csv.CsvFiles;
import fr.passerelle.csv.CsvReader;
import fr.passerelle.csv.DetectedCsv;
import fr.passerelle.csv.UncheckedCsvException;
import fr.passerelle.partner.PartnerException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * {@code import companies FILE …}: imports a CSV file of companies and contacts with
 * {@link CompanyImportService}, as an administrator or referent named by {@code --user} (signed in
 * without a password: whoever runs the command has the server's shell), and prints the report the
 * import screen shows: counts, then each rejected row's line, column and reason. Texts are French,
 * from the translation files; the report goes to {@code out}, progress and errors to {@code err}.
 *
 * <p>Exit codes: {@value #OK} written without rejection (or a dry run without rejection);
 * {@value #REJECTED} rows were rejected or nothing was written; {@value #USAGE} the command, the file or
 * the account cannot be used; {@value #FAILED} the application could not start or the import failed
 * (nothing was written).
 */
@Component
public class ImportCommand {

    public static final int OK = 0;
    public static final int REJECTED = 1;
    public static final int USAGE = 2;
    public static final int FAILED = 3;

    private static final Logger log = LoggerFactory.getLogger(ImportCommand.class);

    private final CompanyImportService imports;
    private final UserDetailsService users;
    private final Translations translations;

    ImportCommand(CompanyImportService imports, UserDetailsService users, Translations translations) {
        this.imports = imports;
        this.users = users;
        this.translations = translations;
    }

    /** Runs the command; {@code args} start with {@code import}. Returns the exit code. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        long start = System.nanoTime();
        ImportOptions options;
        CsvFile csv;
        try {
            options = ImportOptions.parse(args);
            if (options.help()) {
                out.println(text(translations, "import.cli.help"));
                return OK;
            }
            csv = CsvFile.open(options);
        } catch (UsageException e) {
            err.println(text(translations, e.key(), e.arguments()));
            return USAGE;
        }
        UserDetails user;
        try {
            user = account(options.user());
        } catch (UsageException e) {
            err.println(text(translations, e.key(), e.arguments()));
            return USAGE;
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return run(options, csv, user, out, err, start);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private int run(ImportOptions options, CsvFile csv, UserDetails user, PrintStream out, PrintStream err, long start) {
        try {
            ImportMapping mapping = options.mapping() == null ? ImportMapping.guess(csv.header())
                    : ImportMapping.saved(csv.header(), imports.mapping(options.mapping()));
            describe(options, csv, mapping, user, out);
            var request = new ImportRequest(csv.path(), csv.path().getFileName().toString(), csv.dialect(), mapping, options.mode(),
                    options.dryRun());
            ImportReport report = imports.run(request, new PhasePrinter(err));
            int code = print(report, csv.path(), out);
            err.println(text("import.cli.progress.done", (System.nanoTime() - start) / 1e9));
            return code;
        } catch (CsvException e) {
            err.println(text(e.key(), e.arguments()));
            return USAGE;
        } catch (UncheckedCsvException e) {
            err.println(text(e.getCause().key(), e.getCause().arguments()));
            return USAGE;
        } catch (PartnerException e) {
            err.println(text(e.messageKey(), e.arguments()));
            return USAGE;
        } catch (AccessDeniedException e) {
            err.println(text("import.cli.error.user-role", options.user()));
            return USAGE;
        } catch (IOException e) {
            err.println(text("import.cli.error.file-unreadable", csv.path(), String.valueOf(e.getMessage())));
            return USAGE;
        } catch (RuntimeException e) {
            log.error("The import of {} failed", csv.path(), e);
            err.println(text("import.cli.error.failed", String.valueOf(e.getMessage())));
            return FAILED;
        }
    }

    /** The account the import is recorded and scoped as: an active administrator or referent. */
    private UserDetails account(String username) throws UsageException {
        UserDetails user;
        try {
            user = users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            throw new UsageException("import.cli.error.user-unknown", username);
        }
        if (!user.isEnabled() || !user.isAccountNonLocked() || !user.isAccountNonExpired()) {
            throw new UsageException("import.cli.error.user-disabled", username);
        }
        boolean mayImport = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(Role.ADMIN.authority()) || a.equals(Role.REFERENT.authority()));
        if (!mayImport) {
            throw new UsageException("import.cli.error.user-role", username);
        }
        return user;
    }

    private void describe(ImportOptions options, CsvFile csv, ImportMapping mapping, UserDetails user, PrintStream out) {
        out.println(text("import.cli.file", csv.path()));
        String charset = csv.bomKept() ? text("import.cli.charset-bom", csv.dialect().charset().name()) : csv.dialect().charset().name();
        out.println(text("import.cli.dialect", charset, text(options.encoding() == null ? "import.cli.detected" : "import.cli.given"),
                text(delimiterKey(csv.dialect().delimiter())),
                text(options.delimiter() == null ? "import.cli.detected" : "import.cli.given")));
        out.println(options.mapping() == null ? text("import.cli.mapping.guessed") : text("import.cli.mapping.saved", options.mapping()));
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < csv.header().size(); i++) {
            if (mapping.field(i) == null) {
                ignored.add(csv.header().get(i));
            }
        }
        if (!ignored.isEmpty()) {
            out.println(text("import.cli.columns.ignored",
                    ignored.stream().map(h -> "« " + h + " »").collect(Collectors.joining(", "))));
        }
        String role = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(Role.ADMIN.authority()::equals) ? Role.ADMIN.name() : Role.REFERENT.name();
        out.println(text("import.cli.user", user.getUsername(), text("role." + role)));
        out.println(text(options.dryRun() ? "import.cli.mode.dry-run"
                : options.mode() == ImportMode.ALL_OR_NOTHING ? "import.cli.mode.all-or-nothing"
                : "import.cli.mode.valid-rows-only"));
        out.flush();
    }

    /** Prints the counts, the rejected rows and the outcome; returns the exit code. */
    private int print(ImportReport report, Path file, PrintStream out) throws IOException {
        out.println();
        out.println(text("import.cli.count.rows", report.rows()));
        out.println(text(report.written() ? "import.cli.count.created" : "import.cli.count.to-create", report.created()));
        out.println(text(report.written() ? "import.cli.count.updated" : "import.cli.count.to-update", report.updated()));
        out.println(text("import.cli.count.unchanged", report.unchanged()));
        out.println(text("import.cli.count.rejected", report.rejected()));
        if (report.rejected() > 0) {
            out.println();
            for (ImportRowError error : report.errors()) {
                out.println(error.column() == null
                        ? text("import.cli.rejected.row", error.line(), imports.message(error))
                        : text("import.cli.rejected.row-column", error.line(), error.column(), imports.message(error)));
            }
            long listedRows = report.errors().stream().map(ImportRowError::line).distinct().count();
            if (report.errors().size() >= CompanyImportService.ERRORS_KEPT && report.rejected() > listedRows) {
                out.println(text("import.cli.rejected.more", report.rejected() - listedRows));
            }
        }
        out.println();
        int code;
        if (report.written()) {
            out.println(text("import.cli.outcome.written", report.importId()));
            code = report.rejected() > 0 ? REJECTED : OK;
        } else if (report.dryRun()) {
            out.println(text("import.cli.outcome.dry-run"));
            code = report.rejected() > 0 ? REJECTED : OK;
        } else if (report.rejected() > 0 && report.created() + report.updated() > 0) {
            out.println(text("import.cli.outcome.all-or-nothing"));
            code = REJECTED;
        } else {
            out.println(text("import.cli.outcome.nothing"));
            code = REJECTED;
        }
        Path rejectedRows = report.rejectedRows();
        if (rejectedRows != null) {
            out.println(text("import.cli.rejected.file", keep(rejectedRows, file)));
        }
        out.flush();
        return code;
    }

    /**
     * The service's rejected-rows file lives in the temporary directory until the JVM exits: a copy beside
     * the imported file ({@code membres.rejets.csv}, never over an existing file), else in the temporary
     * directory, stays for the person to correct and import again.
     */
    private static Path keep(Path rejectedRows, Path file) throws IOException {
        String name = file.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && Files.isWritable(folder)) {
            for (int n = 1; n < 1000; n++) {
                Path target = folder.resolve(base + (n == 1 ? "" : "-" + n) + ".rejets.csv");
                try {
                    return Files.copy(rejectedRows, target);
                } catch (FileAlreadyExistsException taken) {
                    // try the next name
                } catch (IOException e) {
                    break;
                }
            }
        }
        Path target = Files.createTempFile(base + ".rejets-", ".csv");
        return Files.copy(rejectedRows, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String delimiterKey(char delimiter) {
        return switch (delimiter) {
            case ';' -> "import.cli.delimiter.semicolon";
            case ',' -> "import.cli.delimiter.comma";
            default -> "import.cli.delimiter.tab";
        };
    }

    private String text(String key, Object... arguments) {
        return text(translations, key, arguments);
    }

    static String text(Translations translations, String key, Object... arguments) {
        return translations.getTranslation(key, Translations.FRENCH, arguments);
    }

    /**
     * The file to import, checked before anything starts: present, readable, CSV (not a spreadsheet), with
     * its encoding and delimiter detected unless given, and its header read with them.
     */
    record CsvFile(Path path, CsvDialect dialect, boolean bomKept, List<String> header) {

        static CsvFile open(ImportOptions options) throws UsageException {
            Path path = Objects.requireNonNull(options.file()).toAbsolutePath().normalize();
            if (!Files.exists(path)) {
                throw new UsageException("import.cli.error.file-missing", path);
            }
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new UsageException("import.cli.error.file-unreadable", path, "");
            }
            try {
                DetectedCsv detected = CsvFiles.detect(path);
                var dialect = new CsvDialect(options.encoding() == null ? detected.dialect().charset() : options.encoding(),
                        options.delimiter() == null ? detected.dialect().delimiter() : options.delimiter());
                if (dialect.equals(detected.dialect())) {
                    return new CsvFile(path, dialect, detected.bom(), detected.header());
                }
                try (CsvReader reader = CsvFiles.open(path, dialect)) {
                    return new CsvFile(path, dialect, detected.bom() && dialect.charset().equals(detected.dialect().charset()),
                            reader.header());
                }
            } catch (CsvException e) {
                throw new UsageException(e.key(), e.arguments());
            } catch (UncheckedCsvException e) {
                throw new UsageException(e.getCause().key(), e.getCause().arguments());
            } catch (IOException e) {
                throw new UsageException("import.cli.error.file-unreadable", path, String.valueOf(e.getMessage()));
            }
        }
    }

    /** One line on {@code err} when the import enters a phase. */
    private final class PhasePrinter implements ImportProgress {

        private final PrintStream err;
        private @Nullable Phase phase;

        PhasePrinter(PrintStream err) {
            this.err = err;
        }

        @Override
        public void update(Phase current, long done, long total) {
            if (current != phase) {
                phase = current;
                err.println(text("import.cli.progress." + current.name().toLowerCase(Locale.ROOT)));
            }
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    }
}
