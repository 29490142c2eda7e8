package fr.passerelle.reference.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The repeatable Flyway migration that loads {@code db/reference/}. Spring Boot hands JavaMigration
 * beans to Flyway. No version makes it repeatable; its checksum covers the files' bytes, so Flyway
 * runs it again exactly when a file changes (after the versioned migrations, whose tables it fills).
 */
@Component
class ReferenceDataMigration implements JavaMigration {

    /** Raise when the loader's mapping changes, so that the migration reruns on unchanged files. */
    static final int REVISION = 1;

    private final ReferenceFiles files;
    private @Nullable Integer checksum;

    ReferenceDataMigration() {
        this(ReferenceFiles.classpath());
    }

    ReferenceDataMigration(ReferenceFiles files) {
        this.files = files;
    }

    @Override
    public @Nullable MigrationVersion getVersion() {
        return null;
    }

    @Override
    public String getDescription() {
        return "reference data";
    }

    @Override
    public synchronized Integer getChecksum() {
        if (checksum == null) {
            checksum = computeChecksum();
        }
        return checksum;
    }

    private int computeChecksum() {
        var crc = new CRC32();
        crc.update(REVISION);
        byte[] buffer = new byte[8192];
        for (String fileName : ReferenceDataLoader.fileNames()) {
            crc.update(fileName.getBytes(StandardCharsets.UTF_8));
            try (InputStream in = files.open(fileName)) {
                for (int read; (read = in.read(buffer)) > 0; ) {
                    crc.update(buffer, 0, read);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read reference file " + fileName, e);
            }
        }
        return (int) crc.getValue();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        new ReferenceDataLoader(files).load(context.getConnection());
    }
}
