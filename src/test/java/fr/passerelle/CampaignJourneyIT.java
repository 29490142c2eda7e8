package fr.passerelle;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WrapsDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 12's journey, in a real headless Chromium against the packaged jar, the mail going over real SMTP to a server
 * this test reads: the demo communication account builds a segment and sees its live count, writes a template with a
 * merge field and previews it, creates a campaign, sends itself a test, sends the campaign now and watches it go out;
 * a recipient unsubscribes from the message received (the page of its List-Unsubscribe link, one confirming click); the
 * campaign's results count that unsubscribe.
 */
class CampaignJourneyIT {

    private static final String ME = "communication@passerelle.local";

    private static GreenMail smtp;
    private static PackagedApplication app;

    @BeforeAll
    static void startMailServerAndApplication() throws Exception {
        Browsers.requireChromium();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        int smtpPort = smtp.getSmtp().getPort();
        // No throttle (the campaign's rate is left empty, the global one is 0 by default), and scheduled checks often.
        app = PackagedApplication.start(port -> List.of(
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--passerelle.mail.outbox.global-per-minute=0",
                "--passerelle.campaign.schedule-interval=PT2S",
                "--passerelle.public-url=http://localhost:" + port));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            if (smtp != null) {
                smtp.stop();
            }
        }
    }

    @Test
    void communicationBuildsASegmentWritesATemplateTestsSendsAndSeesAnUnsubscribeCounted() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String segmentName = "Partenaires de Dijon " + suffix;
        String templateName = "Invitation au portail " + suffix;
        String campaignName = "Campagne parcours " + suffix;
        String subject = "Bonjour {{contact.firstName}}, recrutez autrement";

        WebDriver browser = Browsers.desktop();
        try {
            var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            signIn(browser, wait);

            // 1. The segment: the partners of DISP Dijon, its live count changing with the filters.
            browser.get(app.uri("/campagnes/segments/nouveau").toString());
            var count = By.cssSelector(".segment-count");
            wait.until(ExpectedConditions.textMatches(count, Pattern.compile("contacts? joignables? dans")));
            String everyone = browser.findElement(count).getText();
            type(wait, "Nom", segmentName);
            select(wait, "DISP", "Dijon", "Direction interrégionale des services pénitentiaires de Dijon");
            select(wait, "Étapes du suivi", "Parte", "Partenaire");
            wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(count, everyone)));
            String counted = browser.findElement(count).getText();
            Matcher reach = Pattern.compile("^(\\d+) contacts? joignables? dans (\\d+) entreprises?$").matcher(counted.replaceAll("[\\s\u00a0\u202f]", " ")
                    .replaceAll("(\\d) (\\d)", "$1$2"));
            assertThat(reach.matches()).as("the live count: " + counted).isTrue();
            int recipients = Integer.parseInt(reach.group(1));
            assertThat(recipients).as("a few demo companies' contacts").isBetween(2, 60);
            assertThat(browser.findElement(By.cssSelector(".segment-excluded")).getText()).contains("écarté", "sur la liste d’opposition");
            Browsers.screenshot(browser, "campaign-1-segment");
            click(wait, "//vaadin-button[normalize-space(.)='Enregistrer']");
            notified(wait, "Segment « " + segmentName + " » enregistré.");

            // 2. The template, previewed for a contact: the merge field is filled.
            browser.get(app.uri("/campagnes/modeles/nouveau").toString());
            type(wait, "Nom", templateName);
            type(wait, "Objet", subject);
            var html = lastShown(wait, "//vaadin-text-area[label[normalize-space(.)='Message (HTML)']]//textarea");
            html.sendKeys("<p>Bonjour {{contact.firstName}},</p><p>{{company.name}} peut recruter des personnes qui sortent de "
                    + "prison : déclarez une intention d’embauche sur le portail.</p>", Keys.TAB);
            var previewContact = lastShown(wait, field("Contact pour l’aperçu"));
            clickCentred(previewContact);
            WebElement firstContact = wait.until(ExpectedConditions.elementToBeClickable(By.xpath("(//vaadin-combo-box-item)[1]")));
            String contactLabel = firstContact.getText();
            firstContact.click();
            String firstName = contactLabel.split(" ")[0];
            var previewSubject = By.cssSelector(".template-preview-subject");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(previewSubject, "Objet : Bonjour "));
            assertThat(browser.findElement(previewSubject).getText()).doesNotContain("{{");
            assertThat(browser.findElement(By.cssSelector(".template-preview-text")).getText())
                    .contains("peut recruter des personnes").doesNotContain("{{");
            Browsers.screenshot(browser, "campaign-2-template-preview");
            click(wait, "//vaadin-button[normalize-space(.)='Enregistrer']");
            notified(wait, "Modèle « " + templateName + " » enregistré.");

            // 3. The campaign, with that segment and template; then a test sent to oneself.
            browser.get(app.uri("/campagnes/envois").toString());
            click(wait, "//vaadin-button[normalize-space(.)='Nouvelle campagne']");
            type(wait, "Nom", campaignName);
            choose(wait, "Segment", segmentName, segmentName);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".campaign-segment-count"), "joignable"));
            choose(wait, "Modèle de message", templateName, templateName);
            Browsers.screenshot(browser, "campaign-3-editor");
            click(wait, "//vaadin-button[normalize-space(.)='Enregistrer']");
            var state = By.cssSelector(".campaign-view [theme~='badge']");
            wait.until(ExpectedConditions.textToBe(state, "Brouillon"));
            String campaignPage = browser.getCurrentUrl();

            click(wait, "//vaadin-button[normalize-space(.)='Envoyer un test']");
            var testContact = lastShown(wait, field("Rendu pour le contact"));
            testContact.sendKeys(firstName);
            click(wait, "(//vaadin-combo-box-item)[1]");
            Browsers.screenshot(browser, "campaign-4-test-send");
            click(wait, "//vaadin-button[normalize-space(.)='Envoyer le test']");
            notified(wait, "Test envoyé à " + ME + ".");
            MimeMessage test = awaitMail("the test to oneself", m -> addressedTo(m, ME) && subject(m).startsWith("[TEST] "));
            assertThat(subject(test)).isEqualTo("[TEST] Bonjour " + firstName + ", recrutez autrement");
            assertThat(text(test)).contains("Bonjour " + firstName + ",").contains("peut recruter des personnes");

            // 4. Sent now; the page follows the progress until the campaign is sent.
            click(wait, "//vaadin-button[normalize-space(.)='Envoyer maintenant']");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("vaadin-confirm-dialog[opened]"),
                    "part maintenant vers tous les destinataires de son segment"));
            click(wait, "//vaadin-confirm-dialog[@opened]//vaadin-button[normalize-space(.)='Envoyer maintenant']");
            new WebDriverWait(browser, Duration.ofSeconds(120)).until(ExpectedConditions.textToBe(state, "Envoyée"));
            String progress = browser.findElement(By.cssSelector(".campaign-view [role='status']")).getText();
            assertThat(progress).startsWith(recipients + " envoyés, 0 en attente, 0 en échec");
            Browsers.screenshot(browser, "campaign-5-sent");

            List<MimeMessage> sent = awaitMails(recipients, m -> subject(m).startsWith("Bonjour ") && !addressedTo(m, ME));
            MimeMessage received = sent.getFirst();
            String listUnsubscribe = header(received, "List-Unsubscribe");
            assertThat(header(received, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
            Matcher page = Pattern.compile("<(" + Pattern.quote(app.uri("/desinscription/").toString()) + "[^>]+)>").matcher(listUnsubscribe);
            assertThat(page.find()).as("the unsubscribe page first in " + listUnsubscribe).isTrue();
            assertThat(listUnsubscribe).contains("<mailto:");
            assertThat(sent).allSatisfy(m -> {
                assertThat(subject(m)).endsWith(", recrutez autrement").doesNotContain("{{");
                assertThat(text(m)).contains("peut recruter des personnes").doesNotContain("{{").contains(page.group(1).substring(0, 20));
            });

            // 5. The recipient opens the page of the link and confirms with one click; no sign-in is asked.
            WebDriver recipientBrowser = Browsers.phone();
            try {
                var recipientWait = new WebDriverWait(recipientBrowser, Duration.ofSeconds(30));
                recipientBrowser.get(page.group(1));
                recipientWait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Se désinscrire"));
                Browsers.screenshot(recipientBrowser, "campaign-6-unsubscribe-page");
                click(recipientWait, "//vaadin-button[normalize-space(.)='Confirmer la désinscription']");
                recipientWait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Désinscription enregistrée"));
                assertThat(recipientBrowser.findElement(By.tagName("body")).getText()).contains("ne recevra plus nos messages");
                Browsers.screenshot(recipientBrowser, "campaign-7-unsubscribed");
            } finally {
                recipientBrowser.quit();
            }

            // 6. Back on the campaign page: the results count the messages sent and the unsubscribe.
            browser.get(campaignPage);
            var unsubscribed = By.cssSelector(".campaign-results-figure-unsubscribed .campaign-results-number");
            wait.until(ExpectedConditions.textToBe(unsubscribed, "1"));
            assertThat(browser.findElement(By.cssSelector(".campaign-results-figure-sent .campaign-results-number")).getText())
                    .isEqualTo(String.valueOf(recipients));
            WebElement results = browser.findElement(By.cssSelector(".campaign-results"));
            scrollToCentre(results);
            Browsers.screenshot(browser, "campaign-8-results");
            assertThat(browser.getPageSource()).doesNotContain("Exception").doesNotContain("!campaign");
        } catch (RuntimeException | AssertionError e) {
            Browsers.screenshot(browser, "campaign-failure");
            throw e;
        } finally {
            browser.quit();
        }
    }

    private static void signIn(WebDriver browser, WebDriverWait wait) {
        browser.get(app.uri("/login").toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#vaadinLoginUsername input"))).sendKeys("communication");
        browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys("passerelle-demo", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-side-nav-item")));
    }

    private static void notified(WebDriverWait wait, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("vaadin-notification-card"), text));
    }

    /** Picks one item of the multi-select combo box whose label is {@code label}, then closes it. */
    private static void select(WebDriverWait wait, String label, String filter, String item) {
        String box = "//vaadin-multi-select-combo-box[label[normalize-space(.)='" + label + "']]";
        var input = lastShown(wait, box + "//input");
        input.sendKeys(filter);
        click(wait, "//vaadin-multi-select-combo-box-item[normalize-space(.)='" + item + "']");
        input.sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(box + "[@has-value]")));
    }

    /** Types a filter into a combo box, then picks the item that contains {@code item}. */
    private static void choose(WebDriverWait wait, String label, String filter, String item) {
        var input = lastShown(wait, field(label));
        input.clear();
        input.sendKeys(filter);
        click(wait, "//vaadin-combo-box-item[contains(., '" + item + "')]");
        wait.until(ignored -> input.getDomProperty("value").contains(item));
    }

    /** The last element shown that the path finds: a dialog comes after the view in the page. */
    private static WebElement lastShown(WebDriverWait wait, String xpath) {
        return wait.until(driver -> driver.findElements(By.xpath(xpath)).stream().filter(WebElement::isDisplayed)
                .reduce((first, second) -> second).orElse(null));
    }

    /** Clicks the last element the path finds (a dialog's button rather than the view's behind it), scrolled to first. */
    private static void click(WebDriverWait wait, String xpath) {
        var element = wait.until(driver -> driver.findElements(By.xpath(xpath)).stream().reduce((first, second) -> second).orElse(null));
        scrollToCentre(element);
        clickCentred(wait.until(ExpectedConditions.elementToBeClickable(element)));
    }

    private static void scrollToCentre(WebElement element) {
        var browser = (JavascriptExecutor) ((WrapsDriver) element).getWrappedDriver();
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    /** Scrolls the element to the middle of the page first: the browser's own scrolling stops at the edge, under a notification. */
    private static void clickCentred(WebElement element) {
        scrollToCentre(element);
        element.click();
    }

    /** Types into the Vaadin field whose label is {@code label} (the label is in the field's light DOM), then leaves it. */
    private static void type(WebDriverWait wait, String label, String text) {
        var input = lastShown(wait, field(label));
        input.clear();
        input.sendKeys(text, Keys.TAB);
    }

    private static String field(String label) {
        return "//*[self::vaadin-text-field or self::vaadin-integer-field or self::vaadin-combo-box]"
                + "[label[normalize-space(.)='" + label + "']]//input";
    }

    private static MimeMessage awaitMail(String description, java.util.function.Predicate<MimeMessage> wanted) {
        return awaitMails(1, wanted).getFirst();
    }

    /** Waits until {@code expected} messages match (the app sends through its outbox, after the commit); fails on more. */
    private static List<MimeMessage> awaitMails(int expected, java.util.function.Predicate<MimeMessage> wanted) {
        List<MimeMessage> found = new FluentWait<>(smtp).withTimeout(Duration.ofSeconds(120)).pollingEvery(Duration.ofMillis(250))
                .withMessage(() -> expected + " messages; received: " + Arrays.stream(smtp.getReceivedMessages())
                        .map(CampaignJourneyIT::subject).toList())
                .until(server -> {
                    List<MimeMessage> matching = Arrays.stream(server.getReceivedMessages()).filter(wanted).toList();
                    return matching.size() >= expected ? matching : null;
                });
        assertThat(found).as("each recipient once").hasSize(expected);
        return found;
    }

    private static boolean addressedTo(MimeMessage message, String to) {
        try {
            Object[] recipients = Optional.ofNullable(message.getRecipients(Message.RecipientType.TO)).orElse(new InternetAddress[0]);
            return Arrays.stream(recipients).anyMatch(a -> a instanceof InternetAddress ia && to.equalsIgnoreCase(ia.getAddress()));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return Optional.ofNullable(message.getSubject()).orElse("");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage message, String name) {
        try {
            return Optional.ofNullable(message.getHeader(name, ", ")).orElse("");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message's plain text part, decoded. */
    private static String text(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String text = text(multipart.getBodyPart(i));
                    if (!text.isEmpty()) {
                        return text;
                    }
                }
            }
            return "";
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
