package fr.passerelle;

import static fr.passerelle.partner.BenchmarkOutput.loadAverage;
import static fr.passerelle.partner.BenchmarkOutput.print;

import com.sun.tools.attach.VirtualMachine;
import fr.passerelle.partner.internal.SiretGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Benchmark, not a test (surefire's naming rules leave it out of {@code mvn verify}; it also skips itself without
 * {@code -Dbenchmark=true}): {@code bin/benchmark-portal-sessions} runs it. Every portal visitor holds a Vaadin
 * session in the server's memory until it expires (15 minutes without activity). Against the packaged jar, it opens
 * {@code benchmark.sessions} (100) distinct visits of {@code /portail/declarer} in headless Chromium, each with the
 * declaration form filled about halfway, and prints the server's live heap after a full GC before and after them:
 * the difference per session, against the goal of 150 KB, and the classes that grew most.
 * <p>
 * Each visit deletes the cookies before the next one: the previous visit's HTTP session, its Vaadin session and its
 * UI stay on the server as they would for a visitor who left the tab open, until their timeout (a browser that
 * closes the tab would also send Vaadin's unload beacon, which frees the UI sooner). The figure is thus the cost of a
 * visitor still on the form, the larger of the two.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true", disabledReason = "a benchmark: run bin/benchmark-portal-sessions")
class PortalSessionsBenchmark {

    private static final int SESSIONS = Integer.getInteger("benchmark.sessions", 100);
    /** Visits before the baseline: class loading, caches and pools warmed, so that they are not counted per session. */
    private static final int WARM_UP = Integer.getInteger("benchmark.warmup", 5);
    private static final double GOAL_KB = 150;
    private static final int TOP_CLASSES = 15;
    private static final Path JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd");

    @Test
    void heapPerPortalSession() throws Exception {
        Browsers.requireChromium();
        print("Portal sessions: %d visits of /portail/declarer (form half filled) after %d warm-up visits; load average %s on %d cores",
                SESSIONS, WARM_UP, loadAverage(), Runtime.getRuntime().availableProcessors());
        try (PackagedApplication app = PackagedApplication.start(List.of(
                // Only to read the live HTTP sessions and the anonymous timeout from the running application.
                "--server.tomcat.mbeanregistry.enabled=true", "--spring.application.admin.enabled=true"))) {
            print("Packaged jar (pid %d) served /login after %.1f s", app.pid(), app.startUpTime.toMillis() / 1000.0);
            try (Jmx jmx = Jmx.attach(app.pid())) {
                print("Anonymous session timeout of the running application: %s (passerelle.portal.anonymous-session-timeout)",
                        jmx.property("passerelle.portal.anonymous-session-timeout"));
                print("Garbage collector: %s", firstLine(jcmd(app.pid(), "GC.heap_info")));
                Heap cold = Heap.measure(app.pid());
                print("Heap after full GC, started, no portal visit yet: %s; live HTTP sessions %s", cold, jmx.activeSessions());

                WebDriver browser = Browsers.desktop();
                try {
                    var visits = new Visits(browser, app);
                    for (int i = 0; i < WARM_UP; i++) {
                        visits.next();
                    }
                    Heap before = Heap.measure(app.pid());
                    String sessionsBefore = jmx.activeSessions();
                    print("Heap after full GC, %d warm-up visits alive (baseline): %s; live HTTP sessions %s", WARM_UP, before, sessionsBefore);

                    long start = System.nanoTime();
                    for (int i = 0; i < SESSIONS; i++) {
                        visits.next();
                        if ((i + 1) % 25 == 0) {
                            print("  %d/%d visits, %.1f s each on average", i + 1, SESSIONS, (System.nanoTime() - start) / 1e9 / (i + 1));
                        }
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    Heap after = Heap.measure(app.pid());
                    String sessionsAfter = jmx.activeSessions();
                    print("Heap after full GC, %d more visits alive: %s; live HTTP sessions %s (%.0f s of visits, %.1f s each)",
                            SESSIONS, after, sessionsAfter, seconds, seconds / SESSIONS);

                    double perSessionKb = (after.liveBytes() - before.liveBytes()) / 1024.0 / SESSIONS;
                    double perSessionUsedKb = (after.usedKb() - before.usedKb()) / (double) SESSIONS;
                    print("");
                    print("Heap per portal session: %.1f KB live objects (class histogram), %.1f KB heap used (GC.heap_info)",
                            perSessionKb, perSessionUsedKb);
                    print("Goal <= %.0f KB per session: %s (%.1f KB)", GOAL_KB, perSessionKb <= GOAL_KB ? "MET" : "NOT MET", perSessionKb);
                    print("Sessions alive for: %s without activity, then the server frees them", jmx.property("passerelle.portal.anonymous-session-timeout"));
                    print("");
                    printGrowth(before, after);
                } finally {
                    browser.quit();
                }
            } finally {
                Path log = Path.of("target", "benchmark-portal-sessions-app.log");
                Files.createDirectories(log.getParent());
                Files.writeString(log, app.log());
            }
        }
    }

    /** The classes whose live instances grew most between the two readings, per session. */
    private static void printGrowth(Heap before, Heap after) {
        record Growth(String name, long instances, long bytes) {
        }
        List<Growth> growth = new ArrayList<>();
        after.histogram().forEach((name, counts) -> {
            long[] previous = before.histogram().getOrDefault(name, new long[2]);
            growth.add(new Growth(name, counts[0] - previous[0], counts[1] - previous[1]));
        });
        growth.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
        print("What a session holds: top %d classes by live bytes gained (class histogram after / before)", TOP_CLASSES);
        print("%12s %12s %14s  %s", "+instances", "+bytes", "bytes/session", "class");
        growth.stream().limit(TOP_CLASSES).forEach(g -> print("%,12d %,12d %,14.0f  %s", g.instances(), g.bytes(),
                g.bytes() / (double) SESSIONS, g.name()));
    }

    /** One visitor after another, each a new session: the previous one's cookies are gone before the next page. */
    private static final class Visits {

        private final WebDriver browser;
        private final WebDriverWait wait;
        private final PackagedApplication app;
        private int visit;

        Visits(WebDriver browser, PackagedApplication app) {
            this.browser = browser;
            this.app = app;
            this.wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        }

        void next() {
            visit++;
            if (visit > 1) {
                // Before leaving the page, so that its unload beacon (if any) no longer names the old session.
                browser.manage().deleteAllCookies();
            }
            browser.get(app.uri("/portail/declarer").toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(field("SIRET de l’établissement"))));
            String siret = SiretGenerator.siret(70_000_000 + visit, 1);
            type("SIRET de l’établissement", siret);
            type("Raison sociale", "Menuiserie Visiteur " + visit);
            type("Code postal", "21000");
            type("Commune", "Dijon");
            type("Prénom", "Camille");
            type("Nom", "Visiteur" + visit);
            type("Fonction", "Gérante");
            type("Adresse e-mail professionnelle", "visiteur" + visit + "@exemple.fr");
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//vaadin-radio-button[contains(normalize-space(.), 'Emplois en atelier')]"))).click();
            type("Intitulé du poste", "Opérateur de montage " + visit);
            wait.until(ExpectedConditions.attributeToBe(By.xpath("//vaadin-radio-button[contains(normalize-space(.), 'Emplois en atelier')]"),
                    "checked", "true"));
            // The server has seen every value: its answer to the SIRET is on the page, and the client waits for nothing.
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//*[contains(text(), 'SIRET valide')]")));
            wait.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("""
                    const clients = Object.values((window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients) || {})
                        .filter(c => typeof c.isActive === 'function');
                    return clients.length > 0 && clients.every(c => !c.isActive());
                    """)));
        }

        private void type(String label, String text) {
            var input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(field(label))));
            input.sendKeys(text, Keys.TAB);
        }

        private static String field(String label) {
            return "//*[self::vaadin-text-field or self::vaadin-email-field][label[normalize-space(.)='" + label + "']]//input";
        }
    }

    /**
     * The server's heap after full collections: {@code GC.run} twice then {@code GC.heap_info} (used, in KB), and
     * {@code GC.class_histogram} (which collects again) for the live objects' exact bytes, class by class.
     */
    private record Heap(long usedKb, long liveBytes, Map<String, long[]> histogram) {

        private static final Pattern USED = Pattern.compile("used (\\d+)K");
        private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(.+?)\\s*$", Pattern.MULTILINE);
        private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)", Pattern.MULTILINE);

        static Heap measure(long pid) throws IOException, InterruptedException {
            jcmd(pid, "GC.run");
            jcmd(pid, "GC.run");
            Matcher used = USED.matcher(firstLine(jcmd(pid, "GC.heap_info")));
            if (!used.find()) {
                throw new IllegalStateException("No heap used figure in GC.heap_info");
            }
            String histogram = jcmd(pid, "GC.class_histogram");
            Map<String, long[]> classes = new HashMap<>();
            Matcher row = ROW.matcher(histogram);
            while (row.find()) {
                classes.merge(row.group(3), new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            }
            Matcher total = TOTAL.matcher(histogram);
            if (!total.find()) {
                throw new IllegalStateException("No total in GC.class_histogram");
            }
            return new Heap(Long.parseLong(used.group(1)), Long.parseLong(total.group(2)), classes);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%,.1f MB live objects, %,.1f MB used", liveBytes / 1024.0 / 1024.0, usedKb / 1024.0);
        }
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(JCMD.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }

    /** The first line after jcmd's "pid:" header: for GC.heap_info, the collector and its heap's totals. */
    private static String firstLine(String output) {
        return output.lines().filter(line -> !line.matches("^\\d+:$") && !line.isBlank()).findFirst().orElse("").strip();
    }

    /**
     * The running application's own figures through JMX (local attach): Tomcat's live sessions and a setting. Only
     * informative: when unavailable, they read "unknown".
     */
    private static final class Jmx implements AutoCloseable {

        private final @Nullable JMXConnector connector;

        private Jmx(@Nullable JMXConnector connector) {
            this.connector = connector;
        }

        static Jmx attach(long pid) {
            try {
                VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
                String address;
                try {
                    address = vm.startLocalManagementAgent();
                } finally {
                    vm.detach();
                }
                return new Jmx(JMXConnectorFactory.connect(new JMXServiceURL(address)));
            } catch (Exception e) {
                print("JMX unavailable (%s): live sessions and settings unknown", e);
                return new Jmx(null);
            }
        }

        String activeSessions() {
            try {
                MBeanServerConnection server = server();
                var managers = server.queryNames(new ObjectName("*:type=Manager,*"), null);
                if (managers.isEmpty()) {
                    return "unknown";
                }
                long sessions = 0;
                for (ObjectName manager : managers) {
                    sessions += ((Number) server.getAttribute(manager, "activeSessions")).longValue();
                }
                return Long.toString(sessions);
            } catch (Exception e) {
                return "unknown";
            }
        }

        String property(String name) {
            try {
                Object value = server().invoke(new ObjectName("org.springframework.boot:type=Admin,name=SpringApplication"),
                        "getProperty", new Object[] {name}, new String[] {String.class.getName()});
                return String.valueOf(value);
            } catch (Exception e) {
                return "unknown";
            }
        }

        private MBeanServerConnection server() throws IOException {
            if (connector == null) {
                throw new IOException("no JMX connection");
            }
            return connector.getMBeanServerConnection();
        }

        @Override
        public void close() throws IOException {
            if (connector != null) {
                connector.close();
            }
        }
    }
}
