package fr.passerelle.reference.internal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the reference CSV files are read from: the application's classpath, or a folder in tests. */
@FunctionalInterface
interface ReferenceFiles {

    /** The published files shipped with the application (top-level {@code db/reference/}). */
    String CLASSPATH_FOLDER = "db/reference/";

    InputStream open(String fileName) throws IOException;

    static ReferenceFiles classpath() {
        return fileName -> {
            InputStream in = ReferenceFiles.class.getClassLoader().getResourceAsStream(CLASSPATH_FOLDER + fileName);
            if (in == null) {
                throw new FileNotFoundException("Reference file not on the classpath: " + CLASSPATH_FOLDER + fileName);
            }
            return in;
        };
    }

    static ReferenceFiles directory(Path folder) {
        return fileName -> Files.newInputStream(folder.resolve(fileName));
    }
}
