package fr.passerelle.companycsv;

import org.jspecify.annotations.Nullable;

/**
 * Why a row of an imported file was rejected: its line in the file, the column at fault (its header,
 * or null for the whole row), and a translated message.
 */
public record ImportRowError(long line, @Nullable String column, String messageKey, Object... arguments) {

    public ImportRowError {
        arguments = arguments.clone();
    }
}
