package fr.passerelle.reference.internal;

/**
 * What loading one reference table did.
 *
 * @param rows        rows the source file yields for this table
 * @param inserted    codes that were new
 * @param updated     existing rows whose values changed (including a code that came back)
 * @param deactivated codes that left the file and were marked inactive
 */
record TableLoad(String table, int rows, int inserted, int updated, int deactivated) {

    boolean changedAnything() {
        return inserted + updated + deactivated > 0;
    }
}
