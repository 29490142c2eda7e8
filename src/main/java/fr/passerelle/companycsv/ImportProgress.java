package fr.passerelle.companycsv;

/** Where a running import is, and a way to stop it. Called from the thread running the import. */
public interface ImportProgress {

    enum Phase { READING, CHECKING, WRITING }

    /** {@code done} out of {@code total} of the phase (bytes while reading, steps after). */
    void update(Phase phase, long done, long total);

    /** Asked between steps; true stops the import, which then leaves the database as it was. */
    boolean cancelled();

    ImportProgress NONE = new ImportProgress() {
        @Override
        public void update(Phase phase, long done, long total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };
}
