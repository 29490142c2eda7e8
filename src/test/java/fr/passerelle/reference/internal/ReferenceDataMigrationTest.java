package fr.passerelle.reference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceDataMigrationTest {

    @TempDir
    Path folder;

    @Test
    void isRepeatable() {
        var migration = new ReferenceDataMigration();
        assertThat(migration.getVersion()).isNull();
        assertThat(migration.getDescription()).isEqualTo("reference data");
    }

    @Test
    void theChecksumFollowsTheFilesBytes() throws IOException {
        for (String fileName : ReferenceDataLoader.fileNames()) {
            try (InputStream in = ReferenceFiles.classpath().open(fileName)) {
                Files.copy(in, folder.resolve(fileName));
            }
        }
        int published = new ReferenceDataMigration().getChecksum();
        assertThat(new ReferenceDataMigration(ReferenceFiles.directory(folder)).getChecksum())
                .as("same bytes, same checksum").isEqualTo(published);

        Path regions = folder.resolve("regions.csv");
        Files.writeString(regions, Files.readString(regions).replace("Corse", "Corsica"));
        assertThat(new ReferenceDataMigration(ReferenceFiles.directory(folder)).getChecksum())
                .as("one changed file").isNotEqualTo(published);
    }
}
