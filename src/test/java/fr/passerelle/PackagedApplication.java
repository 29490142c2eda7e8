package fr.passerelle;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The packaged jar started as a person would start it ({@code java -jar passerelle.jar}) on a free
 * port with its embedded database in a fresh directory; stopped (gracefully) at the end.
 */
public final class PackagedApplication implements AutoCloseable {

    /** About 20 s on an idle 2-core machine; several builds side by side have made it take over 2 minutes. */
    private static final int START_TIMEOUT_SECONDS = 300;

    private final Process process;
    private final Path log;
    private final Path dataDir;
    public final int port;
    final Duration startUpTime;

    private PackagedApplication(Process process, Path log, Path dataDir, int port, Duration startUpTime) {
        this.process = process;
        this.log = log;
        this.dataDir = dataDir;
        this.port = port;
        this.startUpTime = startUpTime;
    }

    public static PackagedApplication start() throws IOException, InterruptedException {
        return start(List.of());
    }

    /** Started with these extra {@code --name=value} settings (e.g. an SMTP server the test reads). */
    public static PackagedApplication start(List<String> settings) throws IOException, InterruptedException {
        return start(port -> settings);
    }

    /** Started with settings that depend on the port it will serve (e.g. {@code --passerelle.public-url}). */
    public static PackagedApplication start(IntFunction<List<String>> settingsForPort) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("passerelle.jar", "target/passerelle.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The packaged application is missing: " + jar.toAbsolutePath() + " (run mvn -Pproduction verify)");
        }
        int port = freePort();
        Path dataDir = Files.createTempDirectory("passerelle-e2e-data");
        Path log = Files.createTempFile("passerelle-e2e", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--passerelle.embedded-db.data-dir=" + dataDir.resolve("postgres")));
        command.addAll(settingsForPort.apply(port));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        var app = new PackagedApplication(process, log, dataDir, port, Duration.ZERO);
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(START_TIMEOUT_SECONDS).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application stopped during start-up:\n" + Files.readString(log));
            }
            try {
                var response = client.send(HttpRequest.newBuilder(app.uri("/login")).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    Duration startUp = Duration.ofNanos(System.nanoTime() - start);
                    System.out.printf("Packaged jar served /login after %d ms%n", startUp.toMillis());
                    return new PackagedApplication(process, log, dataDir, port, startUp);
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        app.close();
        throw new IllegalStateException("The application did not serve /login within " + START_TIMEOUT_SECONDS + " s:\n" + Files.readString(log));
    }

    /** The application's process id, for the JDK tools (jcmd) a benchmark points at it. */
    public long pid() {
        return process.pid();
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Stops the application as a service manager would (SIGTERM) and returns everything it logged. */
    public String closeAndReadLog() throws IOException, InterruptedException {
        close();
        return Files.readString(log);
    }

    /** Kills the application at once ({@code SIGKILL}, as {@code kill -9}): no shutdown hook, no graceful stop. */
    public void kill() throws IOException, InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        close();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (Files.exists(dataDir)) {
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
