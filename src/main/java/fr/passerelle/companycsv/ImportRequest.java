package fr.passerelle.companycsv;

import fr.passerelle.csv.CsvDialect;
import java.nio.file.Path;

/** A file to import (already on disk), how to read it and what to do with it. */
public record ImportRequest(Path file, String fileName, CsvDialect dialect, ImportMapping mapping, ImportMode mode,
                            boolean dryRun) {
}
