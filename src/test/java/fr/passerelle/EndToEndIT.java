package fr.passerelle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Journeys through the packaged application in a real headless Chromium. */
class EndToEndIT {

    private static PackagedApplication app;

    @BeforeAll
    static void startApplication() throws Exception {
        Browsers.requireChromium();
        app = PackagedApplication.start();
    }

    @AfterAll
    static void stopApplication() throws Exception {
        if (app != null) {
            String log = app.closeAndReadLog();
            int graceful = log.indexOf("Graceful shutdown complete");
            int databaseDown = log.indexOf("shut down postmaster");
            assertThat(graceful).as("graceful shutdown logged").isPositive();
            assertThat(databaseDown).as("the embedded database stops after the web server").isGreaterThan(graceful);
        }
    }

    @Test
    void healthIsPublicAndEverythingElseNeedsASignIn() throws Exception {
        var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var health = client.send(HttpRequest.newBuilder(app.uri("/management/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");

        var env = client.send(HttpRequest.newBuilder(app.uri("/management/env")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(env.statusCode()).isNotEqualTo(200);

        var root = client.send(HttpRequest.newBuilder(app.uri("/etablissements")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));

        assertThat(app.log()).contains("Database in use: embedded PostgreSQL").contains("SMTP server in use:");
    }

    @Test
    void aReferentFindsMontbeliardWithoutTypingTheAccent() throws Exception {
        WebDriver browser = chromium();
        try {
            var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            signIn(browser, wait, "referent");
            browser.findElement(By.xpath("//vaadin-side-nav-item[contains(., 'Établissements')]")).click();

            var search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#establishment-search input")));
            search.sendKeys("montbeliard");
            // The referent's DISP (Dijon) is preselected: its 19 establishments narrow down to the one in Montbéliard.
            wait.until(ExpectedConditions.textToBe(By.cssSelector(".result-count"), "1 établissement"));
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//vaadin-grid-cell-content[contains(., 'Montbéliard')]")));
            screenshot(browser, "etablissements-montbeliard");
        } catch (RuntimeException e) {
            screenshot(browser, "failure");
            throw e;
        } finally {
            browser.quit();
        }
    }

    @Test
    void anAdministratorOpensEveryScreenOfTheMenu() {
        WebDriver browser = chromium();
        try {
            var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            signIn(browser, wait, "admin");
            var items = browser.findElements(By.cssSelector("vaadin-side-nav-item"));
            assertThat(items).extracting(e -> e.getText().strip()).contains("Établissements", "Utilisateurs");
            // Entries are found by their path: a number beside an entry ("Mes tâches" 3) is part of its text.
            var paths = items.stream().map(e -> e.getDomAttribute("path")).toList();
            for (String path : paths) {
                By item = By.cssSelector("vaadin-side-nav-item[path='" + path + "']");
                browser.findElement(item).click();
                wait.until(ExpectedConditions.attributeToBe(item, "current", "true"));
                wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.cssSelector(".view-title"), "")));
                assertThat(browser.getPageSource()).as(path).doesNotContain("Exception").doesNotContain("!nav.");
                screenshot(browser, "admin-" + path.replaceAll("[^A-Za-z]", "").toLowerCase());
            }
        } catch (RuntimeException e) {
            screenshot(browser, "failure-admin");
            throw e;
        } finally {
            browser.quit();
        }
    }

    @Test
    void aReferentCreatesACompanyAddsAContactAndATaskThenFindsItWithoutAccents() {
        WebDriver browser = chromium();
        try {
            var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            signIn(browser, wait, "referent");
            browser.get(app.uri("/entreprises").toString());
            click(wait, "//vaadin-button[contains(., 'Nouvelle entreprise')]");

            String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
            String siret = fr.passerelle.partner.SiretGenerator.random(new java.util.Random());
            type(wait, "SIRET", siret.substring(0, 3) + " " + siret.substring(3, 6) + " "
                    + siret.substring(6, 9) + " " + siret.substring(9));
            type(wait, "Raison sociale", "Métallerie Hélène Dürr " + suffix);
            type(wait, "Code postal", "21000");
            type(wait, "Commune", "Dijon");
            click(wait, "//vaadin-button[normalize-space(.)='Créer']");
            // A fictitious SIRET may share a name with demo data: the duplicate warning then asks once more.
            try {
                new WebDriverWait(browser, Duration.ofSeconds(3)).until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//vaadin-button[contains(., 'quand même')]"))).click();
            } catch (org.openqa.selenium.TimeoutException noDuplicate) {
                // created at once
            }
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.xpath(field("Raison sociale"))));

            type(wait, "Rechercher", "metallerie helene durr " + suffix);
            wait.until(ExpectedConditions.textToBe(By.cssSelector(".result-count"), "1 entreprise"));
            click(wait, "//vaadin-grid-cell-content[contains(., '" + suffix + "')]");

            click(wait, "//vaadin-button[contains(., 'Ajouter un contact')]");
            type(wait, "Nom", "Martin");
            type(wait, "Téléphone", "0612345678");
            click(wait, "//vaadin-button[normalize-space(.)='Enregistrer']");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//*[contains(., '06 12 34 56 78')]")));

            click(wait, "//vaadin-tab[contains(., 'Tâches')]");
            type(wait, "Tâche", "Rappeler M. Martin");
            var due = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(field("Échéance"))));
            due.sendKeys(java.time.LocalDate.now().plusDays(7).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")), Keys.ENTER);
            click(wait, "//vaadin-button[contains(., 'Nouvelle tâche')]");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-grid-cell-content[contains(., 'Rappeler M. Martin')]")));
            screenshot(browser, "referent-company-page");
        } catch (RuntimeException e) {
            screenshot(browser, "failure-company");
            throw e;
        } finally {
            browser.quit();
        }
    }

    /**
     * Issue 11's journey: the demo referent of DISP Dijon creates a cohort, enrols two participants, links an offer
     * Passerelle suggests, starts the training, completes one participant's path, records their hire through that offer, and sees the
     * placement rate at release go from none to one in one.
     */
    @Test
    void aReferentRunsACohortFromCreationToAHireThroughASuggestedOffer() {
        WebDriver browser = chromium();
        try {
            var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            signIn(browser, wait, "referent");
            browser.get(app.uri("/cohortes").toString());
            click(wait, "//vaadin-button[contains(., 'Nouvelle cohorte')]");
            String title = "Canalisateurs " + Long.toString(System.nanoTime() % 1_000_000, 36);
            type(wait, "Intitulé", title);
            pick(wait, "Secteur", "BTP");
            var trades = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//vaadin-multi-select-combo-box[label[normalize-space(.)='Métiers (ROME)']]//input")));
            trades.sendKeys("F1603");
            click(wait, "//vaadin-multi-select-combo-box-item[contains(., 'F1603')]");
            trades.sendKeys(Keys.ESCAPE);
            choose(wait, "Établissement", "joux", "Joux-la-Ville");
            var start = lastShown(wait, field("Début prévu"));
            start.sendKeys(java.time.LocalDate.now().plusDays(14).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")), Keys.ENTER);
            type(wait, "Places", "8");
            click(wait, "//vaadin-button[normalize-space(.)='Enregistrer']");
            wait.until(ExpectedConditions.textToBe(By.cssSelector(".cohort-title"), title));

            String release = java.time.YearMonth.now().plusMonths(2).format(java.time.format.DateTimeFormatter.ofPattern("MM/yyyy"));
            click(wait, "//vaadin-tab[normalize-space(.)='Participants']");
            for (String code : List.of("SPIP21-E2E1", "SPIP21-E2E2")) {
                click(wait, "//vaadin-button[contains(., 'Inscrire un participant')]");
                type(wait, "Code SPIP", code);
                type(wait, "Mois de sortie prévu", release);
                choose(wait, "Département de retour", "21", "Côte");
                click(wait, "//vaadin-button[normalize-space(.)='Enregistrer']");
                wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + code + "']")));
            }

            click(wait, "//vaadin-tab[normalize-space(.)='Offres liées']");
            var firstSuggestion = By.xpath("(//vaadin-grid[contains(@class, 'suggested-offer-grid')]//vaadin-button[normalize-space(.)='Lier'])[1]");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-grid-cell-content[contains(., 'même métier F1603')]")));
            screenshot(browser, "cohort-suggestions");
            clickCentred(wait.until(ExpectedConditions.elementToBeClickable(firstSuggestion)));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-button[normalize-space(.)='Délier']")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='Couvert']")));
            screenshot(browser, "cohort-linked-offer-and-coverage");

            click(wait, "//vaadin-tab[normalize-space(.)='Résultats']");
            var releaseRate = By.cssSelector(".cohort-rate-release .cohort-rate-figures");
            wait.until(ExpectedConditions.textToBe(releaseRate, "Rien à mesurer pour l’instant."));

            click(wait, "//vaadin-button[contains(., 'Ouvrir le recrutement')]");
            click(wait, "//vaadin-button[contains(., 'Démarrer la formation')]");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-button[contains(., 'Clôturer la cohorte')]")));
            click(wait, "//vaadin-tab[normalize-space(.)='Participants']");
            click(wait, "(//vaadin-button[normalize-space(.)='Parcours terminé'])[1]");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='Parcours terminé']")));
            click(wait, "(//vaadin-button[normalize-space(.)='Situation'])[1]");
            pick(wait, "Moment", "À la sortie");
            pick(wait, "Situation", "En emploi");
            pick(wait, "Type de contrat", "CDI");
            pick(wait, "Offre liée", "—");
            click(wait, "//vaadin-button[normalize-space(.)='Enregistrer']");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-grid-cell-content[contains(., 'En emploi')]")));

            click(wait, "//vaadin-tab[normalize-space(.)='Résultats']");
            wait.until(ExpectedConditions.textToBe(releaseRate, "1 en emploi sur 1 · 100 %"));
            assertThat(browser.getPageSource()).doesNotContain("Exception").doesNotContain("!cohort.");
            screenshot(browser, "cohort-rates-after-hire");
        } catch (RuntimeException e) {
            screenshot(browser, "failure-cohort");
            throw e;
        } finally {
            browser.quit();
        }
    }

    /** Opens the select whose label is {@code label} and picks the item that contains {@code item}. */
    private static void pick(WebDriverWait wait, String label, String item) {
        clickCentred(lastShown(wait, "//vaadin-select[label[normalize-space(.)='" + label + "']]"));
        click(wait, "//vaadin-select-item[contains(., '" + item + "')]");
    }

    /** Types a filter into a combo box, then picks the item that contains {@code item}. */
    private static void choose(WebDriverWait wait, String label, String filter, String item) {
        var input = lastShown(wait, field(label));
        input.clear();
        input.sendKeys(filter);
        click(wait, "//vaadin-combo-box-item[contains(., '" + item + "')]");
        wait.until(ignored -> input.getDomProperty("value").contains(item));
    }

    /**
     * The last element shown that the path finds: a dialog comes after the view in the page, and its fields are
     * the ones to use when the view behind has a field of the same label (a filter).
     */
    private static org.openqa.selenium.WebElement lastShown(WebDriverWait wait, String xpath) {
        return wait.until(driver -> driver.findElements(By.xpath(xpath)).stream().filter(org.openqa.selenium.WebElement::isDisplayed)
                .reduce((first, second) -> second).orElse(null));
    }

    private static void click(WebDriverWait wait, String xpath) {
        var element = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(xpath)));
        scrollToCentre(element);
        clickCentred(wait.until(ExpectedConditions.elementToBeClickable(element)));
    }

    private static void scrollToCentre(org.openqa.selenium.WebElement element) {
        var browser = (org.openqa.selenium.JavascriptExecutor) ((org.openqa.selenium.WrapsDriver) element).getWrappedDriver();
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    /** Scrolls the element to the middle of the page first: the browser's own scrolling stops at the edge, under a notification. */
    private static void clickCentred(org.openqa.selenium.WebElement element) {
        scrollToCentre(element);
        element.click();
    }

    /** Types into the Vaadin field whose label is {@code label} (the label is in the field's light DOM). */
    private static void type(WebDriverWait wait, String label, String text) {
        var input = lastShown(wait, field(label));
        input.clear();
        input.sendKeys(text, Keys.TAB);
    }

    private static String field(String label) {
        return "//*[self::vaadin-text-field or self::vaadin-date-picker or self::vaadin-email-field or self::vaadin-integer-field"
                + " or self::vaadin-combo-box]"
                + "[label[normalize-space(.)='" + label + "']]//input";
    }

    private static void signIn(WebDriver browser, WebDriverWait wait, String username) {
        browser.get(app.uri("/login").toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#vaadinLoginUsername input"))).sendKeys(username);
        browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys("passerelle-demo", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-side-nav-item")));
    }

    private static WebDriver chromium() {
        return Browsers.desktop();
    }

    private static void screenshot(WebDriver browser, String name) {
        Browsers.screenshot(browser, name);
    }
}
