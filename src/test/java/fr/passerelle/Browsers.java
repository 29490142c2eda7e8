package fr.passerelle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Chromium from the Debian packages, for the end-to-end tests and the benchmarks that drive a browser. */
final class Browsers {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browsers() {
    }

    /** In CI the browser must be there; elsewhere a missing browser skips the test. */
    static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") != null) {
            assertThat(present).as("CI must run the browser tests: install chromium and chromium-driver").isTrue();
        }
        assumeTrue(present, "Chromium or ChromeDriver missing: browser tests skipped outside CI");
    }

    /** A desktop window. */
    static WebDriver desktop() {
        return start(options("--window-size=1400,900"));
    }

    /** A phone: 375 × 812 CSS pixels, touch, a mobile user agent. */
    static WebDriver phone() {
        ChromeOptions options = options("--window-size=375,812");
        options.setExperimentalOption("mobileEmulation", Map.of(
                "deviceMetrics", Map.of("width", 375, "height", 812, "pixelRatio", 2.0, "touch", true),
                "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36"));
        return start(options);
    }

    private static ChromeOptions options(String windowSize) {
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", windowSize, "--lang=fr-FR");
        return options;
    }

    private static WebDriver start(ChromeOptions options) {
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    static void screenshot(WebDriver browser, String name) {
        try {
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Path target = Path.of("target", "e2e-screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, png);
        } catch (Exception ignored) {
            // a screenshot is a help for diagnosis, never a reason to fail
        }
    }

    /**
     * Runs axe-core on the page as it is and returns its serious and critical violations, one line each
     * ({@code rule (impact): help — first elements — what is wrong with the first and its HTML}).
     */
    static List<String> seriousAccessibilityViolations(WebDriver browser) {
        var js = (JavascriptExecutor) browser;
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(r.violations
                       .filter(v => v.impact === 'serious' || v.impact === 'critical')
                       .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — '
                                 + v.nodes.slice(0, 3).map(n => JSON.stringify(n.target)).join(', ')
                                 + ' — ' + (v.nodes[0].failureSummary || '').replace(/\\s+/g, ' ') + ' ' + v.nodes[0].html)))
                   .catch(e => done(['axe failed: ' + e]));
                """);
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) result;
        return violations;
    }

    /** Whether the page is wider than the window (a phone would then scroll sideways). */
    static boolean scrollsSideways(WebDriver browser) {
        Object wider = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth + 1;");
        return Boolean.TRUE.equals(wider);
    }

    private static String axeSource() {
        try (InputStream in = Browsers.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            assertThat(in).as("axe-core on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
