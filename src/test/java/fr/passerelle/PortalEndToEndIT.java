package fr.passerelle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The public portal in a real headless Chromium, on a phone-sized screen: every page readable, accessible and narrow enough. */
class PortalEndToEndIT {

    private static PackagedApplication app;

    @BeforeAll
    static void startApplication() throws Exception {
        Browsers.requireChromium();
        app = PackagedApplication.start();
    }

    @AfterAll
    static void stopApplication() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/portail", "/portail/connexion", "/portail/mentions-legales", "/portail/ateliers",
            "/portail/declarer", "/portail/declarer/confirmer"})
    void aPortalPageOnAPhoneHasNoSeriousAccessibilityViolationAndNoSidewaysScroll(String path) {
        WebDriver browser = Browsers.phone();
        String name = "portal" + path.replace("/portail", "").replace('/', '-');
        try {
            browser.get(app.uri(path).toString());
            var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
            assertThat(browser.getTitle()).as("page title").isNotBlank();
            assertThat(browser.getPageSource()).doesNotContain("Exception").doesNotContain("!portal.");
            List<String> violations = Browsers.seriousAccessibilityViolations(browser);
            Browsers.screenshot(browser, name);
            assertThat(violations).as("axe-core serious and critical violations on " + path).isEmpty();
            assertThat(Browsers.scrollsSideways(browser)).as(path + " fits a 375 px screen").isFalse();
        } catch (RuntimeException e) {
            Browsers.screenshot(browser, "failure-" + name);
            throw e;
        } finally {
            browser.quit();
        }
    }
}
