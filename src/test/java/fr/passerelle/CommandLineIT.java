package fr.passerelle;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.partner.LuhnSirets;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar run as an operator would run the import ({@code java -jar passerelle.jar import companies FILE
 * --dry-run}) on a throw-away data directory: the report on stdout, the exit code, and no web server.
 */
class CommandLineIT {

    @TempDir
    Path folder;

    @Test
    void aDryRunFromThePackagedJarPrintsTheReportAndExitsWithOneWithoutOpeningTheWebPort() throws Exception {
        String siret = LuhnSirets.next();
        Path file = folder.resolve("membres.csv");
        Files.writeString(file, "\uFEFFSIRET;Raison sociale;Code postal;Commune;Prénom;Nom;E-mail\r\n"
                + siret + ";Menuiserie du Lac;21000;Dijon;Anne;Martin;anne@lac.example\r\n"
                + "123;Trop Court;21000;Dijon;;;\r\n", StandardCharsets.UTF_8);
        int webPort = freePort();
        AtomicBoolean webPortOpened = new AtomicBoolean();

        Run run = runJar(folder.resolve("data"), webPort, webPortOpened, "import", "companies", file.toString(), "--dry-run");

        assertThat(run.exitCode).as(run.describe()).isEqualTo(1);
        assertThat(run.out).contains("Codage : UTF-8 avec BOM (détecté) · séparateur : « ; » (détecté)",
                "Lignes lues : 2\nÀ créer : 1\nÀ mettre à jour : 0\nInchangées : 0\nRejetées : 1\n",
                "ligne 3 – colonne « SIRET » : Un SIRET compte 14 chiffres (les espaces sont acceptés).",
                "Simulation : rien n’a été écrit.");
        assertThat(run.err).contains("Démarrage de Passerelle sans serveur web", "Lecture et vérification des lignes…", "Terminé en ")
                .doesNotContain("Tomcat", "Exception");
        assertThat(webPortOpened).as("the web port (PORT=%d) was never open", webPort).isFalse();
        System.out.printf("Packaged jar ran a dry-run import in %d ms%n", run.duration.toMillis());
    }

    @Test
    void aMissingFileIsToldAtOnceWithoutStartingTheApplication() throws Exception {
        Run run = runJar(folder.resolve("data"), freePort(), new AtomicBoolean(), "import", "companies",
                folder.resolve("absent.csv").toString());

        assertThat(run.exitCode).as(run.describe()).isEqualTo(2);
        assertThat(run.err).contains("Fichier introuvable : " + folder.resolve("absent.csv")).doesNotContain("Démarrage");
        assertThat(run.out).isEmpty();
    }

    @Test
    void anEmbeddedDatabaseAlreadyOpenIsExplainedInFrench() throws Exception {
        Path data = folder.resolve("data");
        Path file = folder.resolve("membres.csv");
        Files.writeString(file, "SIRET;Raison sociale;Code postal\r\n" + LuhnSirets.next() + ";Menuiserie;21000\r\n");
        // What the web application holds while it runs: a PostgreSQL server on the data directory.
        try (EmbeddedPostgres running = EmbeddedPostgres.builder().setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(false).start()) {
            Run run = runJar(data, freePort(), new AtomicBoolean(), "import", "companies", file.toString());

            assertThat(run.exitCode).as(run.describe()).isEqualTo(3);
            assertThat(run.err).contains("La base de données intégrée (" + data.resolve("postgres").toAbsolutePath()
                    + ") est déjà ouverte par un autre processus Passerelle");
            try (var connection = running.getPostgresDatabase().getConnection()) {
                assertThat(connection.isValid(2)).as("the running server is left alone").isTrue();
            }
        }
    }

    private record Run(int exitCode, String out, String err, Duration duration) {
        String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private Run runJar(Path dataDir, int webPort, AtomicBoolean webPortOpened, String... args) throws Exception {
        Path jar = Path.of(System.getProperty("passerelle.jar", "target/passerelle.jar"));
        assertThat(jar).as("the packaged application (run mvn -Pproduction verify)").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(folder, "out", ".txt");
        Path err = Files.createTempFile(folder, "err", ".txt");
        var builder = new ProcessBuilder(command).directory(folder.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.put("PASSERELLE_DATA_DIR", dataDir.resolve("postgres").toString());
        env.put("PORT", String.valueOf(webPort));
        long start = System.nanoTime();
        Process process = builder.start();
        Thread watcher = Thread.ofVirtual().start(() -> {
            while (process.isAlive()) {
                try (var socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", webPort), 100);
                    webPortOpened.set(true);
                } catch (IOException closed) {
                    // as it should be
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The import did not finish within 180 s:\n" + Files.readString(err));
        }
        watcher.join();
        return new Run(process.exitValue(), Files.readString(out).replace("\r\n", "\n"), Files.readString(err),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
