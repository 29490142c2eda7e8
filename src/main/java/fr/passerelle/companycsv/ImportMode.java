package fr.passerelle.companycsv;

/** What an import does when some rows are rejected. */
public enum ImportMode {
    /** Any rejected row: nothing is written. */
    ALL_OR_NOTHING,
    /** The valid rows are written, the rejected ones reported. */
    VALID_ROWS_ONLY
}
