package fr.passerelle;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.passerelle.partner.SiretGenerator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal's whole journey, in a real headless Chromium against the packaged jar, the mail going over real SMTP to a
 * server this test reads: a company declares a hiring intention on a phone, confirms it from the e-mail it receives,
 * the demo referent of DISP Dijon validates it on a desktop, and the company signs in by the e-mailed link and sees
 * its offer open.
 */
class PortalJourneyIT {

    private static GreenMail smtp;
    private static PackagedApplication app;

    @BeforeAll
    static void startMailServerAndApplication() throws Exception {
        Browsers.requireChromium();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        int smtpPort = smtp.getSmtp().getPort();
        app = PackagedApplication.start(port -> List.of(
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
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
    void aCompanyDeclaresOnItsPhoneConfirmsByMailIsValidatedAndSeesItsOfferOpenInItsSpace() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String companyName = "Métallerie Journey " + suffix;
        String email = "recrutement." + suffix + "@metallerie-journey.example";
        String offerTitle = "Soudeur MIG " + suffix;
        String startDate = LocalDate.now().plusMonths(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));

        WebDriver phone = Browsers.phone();
        try {
            var wait = new WebDriverWait(phone, Duration.ofSeconds(30));
            declare(phone, wait, companyName, email, offerTitle, startDate);

            MimeMessage confirmation = awaitMail(email, "Confirmez votre intention d’embauche");
            String confirmLink = link(confirmation, "/portail/declarer/confirmer?");
            phone.get(confirmLink);
            click(wait, "//vaadin-button[normalize-space(.)='Confirmer ma déclaration']");
            wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Merci, votre déclaration est transmise"));
            Browsers.screenshot(phone, "journey-3-next-steps");
        } catch (RuntimeException | AssertionError e) {
            Browsers.screenshot(phone, "journey-failure-declare");
            throw e;
        } finally {
            phone.quit();
        }

        // The referents of DISP Dijon hear of it by e-mail, with a link to their queue.
        MimeMessage notification = awaitMail("the referents' notification of the declaration",
                m -> subject(m).equals("Nouvelle déclaration à valider : " + companyName));
        assertThat(text(notification)).contains(offerTitle);
        validateAsReferent(link(notification, "/moderation"), companyName, offerTitle);
        MimeMessage validated = awaitMail(email, "Votre offre « " + offerTitle + " » est en ligne");
        assertThat(text(validated)).contains(app.uri("/portail/connexion").toString());

        phone = Browsers.phone();
        try {
            var wait = new WebDriverWait(phone, Duration.ofSeconds(30));
            phone.get(app.uri("/portail/connexion").toString());
            type(wait, "Adresse e-mail professionnelle", email);
            click(wait, "//vaadin-button[normalize-space(.)='Recevoir un lien de connexion']");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".portal-message-success"),
                    "un lien de connexion vient d’y être envoyé"));
            Browsers.screenshot(phone, "journey-5-sign-in-asked");

            MimeMessage signIn = awaitMail(email, "Votre lien de connexion à Passerelle");
            phone.get(link(signIn, "/portail/connexion/lien?"));
            click(wait, "//button[normalize-space(.)='Me connecter']");
            wait.until(ExpectedConditions.urlToBe(app.uri("/portail/espace").toString()));

            By card = By.xpath("//li[contains(@class, 'portal-offer')][h3[normalize-space(.)='" + offerTitle + "']]");
            WebElement offer = wait.until(ExpectedConditions.visibilityOfElementLocated(card));
            assertThat(offer.findElement(By.cssSelector(".portal-offer-state")).getText()).startsWith("État : ouverte");
            assertThat(offer.getText()).contains("Emploi à la sortie", "CDI", "2 postes", "Dijon", startDate);
            Browsers.screenshot(phone, "journey-6-company-space");
            assertThat(Browsers.seriousAccessibilityViolations(phone)).as("axe-core on the company's space").isEmpty();
            assertThat(Browsers.scrollsSideways(phone)).as("the company's space fits a 375 px screen").isFalse();
        } catch (RuntimeException | AssertionError e) {
            Browsers.screenshot(phone, "journey-failure-space");
            throw e;
        } finally {
            phone.quit();
        }
    }

    /** Steps 1–2: the declaration form, filled as a person would on a phone, then the "check your mailbox" page. */
    private static void declare(WebDriver phone, WebDriverWait wait, String companyName, String email, String offerTitle,
                                String startDate) {
        phone.get(app.uri("/portail/declarer").toString());
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Déclarer une intention d’embauche"));

        String siret = SiretGenerator.random(new Random());
        type(wait, "SIRET de l’établissement", siret.substring(0, 3) + " " + siret.substring(3, 6) + " "
                + siret.substring(6, 9) + " " + siret.substring(9));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.xpath("//vaadin-text-field[label[normalize-space(.)='SIRET de l’établissement']]"), "SIRET valide."));
        type(wait, "Raison sociale", companyName);
        type(wait, "Code postal", "21000");
        type(wait, "Commune", "Dijon");
        type(wait, "Prénom", "Hélène");
        type(wait, "Nom", "Dürr");
        type(wait, "Adresse e-mail professionnelle", email);
        type(wait, "Téléphone", "06 12 34 56 78");

        // The kind of offer is "Emploi à la sortie" unless changed.
        choose(wait, "Métier", "soudeur", "H2913");
        type(wait, "Intitulé du poste", offerTitle);
        type(wait, "Nombre de postes", "2");
        choose(wait, "Type de contrat", "CDI", "CDI");
        type(wait, "Heures par semaine", "35");
        choose(wait, "Département du poste", "21", "Côte-d");
        type(wait, "Commune du poste", "Dijon");
        // On a phone the date picker opens its calendar full screen, the focus on today: a month later is one PageDown away.
        click(wait, field("Date de début"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-date-picker[opened]")));
        new Actions(phone).sendKeys(Keys.PAGE_DOWN).pause(Duration.ofMillis(300)).sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("vaadin-date-picker[opened]")));
        wait.until(ExpectedConditions.attributeToBe(By.xpath(field("Date de début")), "value", startDate));
        String consent = "//vaadin-checkbox[label[starts-with(normalize-space(.), 'J’accepte')]]";
        click(wait, consent + "/label");
        wait.until(ExpectedConditions.attributeToBe(By.xpath(consent), "checked", "true"));
        Browsers.screenshot(phone, "journey-1-declaration-form");

        assertThat(Browsers.seriousAccessibilityViolations(phone)).as("axe-core on the filled declaration form").isEmpty();
        assertThat(Browsers.scrollsSideways(phone)).as("the declaration form fits a 375 px screen").isFalse();

        click(wait, "//vaadin-button[normalize-space(.)='Envoyer ma déclaration']");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Consultez votre boîte e-mail"));
        Browsers.screenshot(phone, "journey-2-check-your-mailbox");
    }

    /**
     * Step 4: the demo referent of DISP Dijon follows the link of the notification, signs in, lands on "À valider", finds
     * the declaration there and validates it.
     */
    private static void validateAsReferent(String queueLink, String companyName, String offerTitle) {
        WebDriver desktop = Browsers.desktop();
        try {
            var wait = new WebDriverWait(desktop, Duration.ofSeconds(30));
            desktop.get(queueLink);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#vaadinLoginUsername input"))).sendKeys("referent");
            desktop.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys("passerelle-demo", Keys.ENTER);
            wait.until(ExpectedConditions.textToBe(By.cssSelector(".view-title"), "À valider"));
            // Spring Security brings back the request the sign-in interrupted (with its "?continue" marker).
            assertThat(desktop.getCurrentUrl()).matches(Pattern.quote(app.uri("/moderation").toString()) + "(\\?continue)?");

            By row = By.xpath("//vaadin-grid-cell-content[contains(., '" + companyName + "')]");
            wait.until(ExpectedConditions.visibilityOfElementLocated(row));
            assertThat(desktop.findElements(By.xpath("//vaadin-grid-cell-content[contains(., '" + offerTitle + "')]"))).isNotEmpty();
            Browsers.screenshot(desktop, "journey-4-moderation-queue");
            // The newest declaration is the queue's last row, below the fold of a scrolling view: scrolled to, as a person would.
            WebElement validate = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//vaadin-button[contains(@aria-label, '" + offerTitle + "')][normalize-space(.)='Valider']")));
            ((JavascriptExecutor) desktop).executeScript("arguments[0].scrollIntoView({block: 'center'});", validate);
            wait.until(ExpectedConditions.elementToBeClickable(validate)).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("vaadin-notification-card"), "validée"));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
            Browsers.screenshot(desktop, "journey-4-validated");
        } catch (RuntimeException | AssertionError e) {
            Browsers.screenshot(desktop, "journey-failure-moderation");
            throw e;
        } finally {
            desktop.quit();
        }
    }

    /** Waits for the message to that address whose subject starts so (the app sends through its outbox, after the commit). */
    private static MimeMessage awaitMail(String to, String subjectStart) {
        return awaitMail("a mail to " + to + " whose subject starts with « " + subjectStart + " »",
                m -> addressedTo(m, to) && subject(m).startsWith(subjectStart));
    }

    private static MimeMessage awaitMail(String description, Predicate<MimeMessage> wanted) {
        return new FluentWait<>(smtp).withTimeout(Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(250))
                .withMessage(() -> description + "; received: " + subjects())
                .until(server -> Arrays.stream(server.getReceivedMessages()).filter(wanted).findFirst().orElse(null));
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

    private static List<String> subjects() {
        return Arrays.stream(smtp.getReceivedMessages()).map(PortalJourneyIT::subject).toList();
    }

    /** The link of the application's public address, on that path, in the message's text. */
    private static String link(MimeMessage message, String pathAndQueryStart) {
        Matcher link = Pattern.compile(Pattern.quote(app.uri(pathAndQueryStart).toString()) + "\\S*").matcher(text(message));
        assertThat(link.find()).as("a link to " + pathAndQueryStart + " in the mail").isTrue();
        return link.group();
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

    private static void click(WebDriverWait wait, String xpath) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(xpath))).click();
    }

    /** Types into the Vaadin field whose label is {@code label} (the label is in the field's light DOM), then leaves it. */
    private static void type(WebDriverWait wait, String label, String text) {
        var input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(field(label))));
        input.clear();
        input.sendKeys(text, Keys.TAB);
    }

    /** Types a filter into a combo box, then picks the item that contains {@code item}. */
    private static void choose(WebDriverWait wait, String label, String filter, String item) {
        var input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(field(label))));
        input.clear();
        input.sendKeys(filter);
        click(wait, "//vaadin-combo-box-item[contains(., '" + item + "')]");
        wait.until(ExpectedConditions.attributeContains(By.xpath(field(label)), "value", item));
    }

    private static String field(String label) {
        return "//*[self::vaadin-text-field or self::vaadin-email-field or self::vaadin-integer-field or self::vaadin-number-field"
                + " or self::vaadin-combo-box or self::vaadin-date-picker][label[normalize-space(.)='" + label + "']]//input";
    }
}
