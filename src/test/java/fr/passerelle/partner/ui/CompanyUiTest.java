package fr.passerelle.partner.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.RouteConfiguration;
import fr.passerelle.KaribuTest;
import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.CompanyDraft;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.CompanySource;
import fr.passerelle.partner.CompanySummary;
import fr.passerelle.partner.LuhnSirets;
import fr.passerelle.partner.Siret;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Helpers of the companies UI tests: valid SIRETs made up on the spot, companies created through the
 * service, and the company page route when the detail view is not (yet) in this branch. Public for the UI
 * tests of the modules that extend the companies pages (companycsv).
 */
public abstract class CompanyUiTest extends KaribuTest {

    @Autowired
    protected CompanyService companyService;

    /** A valid SIRET nobody else uses: a random SIREN and NIC, each completed with its Luhn check digit. */
    protected static String newSiret() {
        String siren;
        do {
            siren = withCheckDigit(randomDigits(8));
        } while (siren.equals("356000000"));
        return siretOf(siren);
    }

    /** Another valid SIRET (another establishment) of the same SIREN. */
    protected static String siretOf(String siren) {
        String siret = withCheckDigit(siren + randomDigits(4));
        assertThat(Siret.isValid(siret)).as(siret).isTrue();
        return siret;
    }

    /** "13000548121800" → "130 005 481 21800", as a person types it. */
    protected static String spaced(String siret) {
        return siret.substring(0, 3) + " " + siret.substring(3, 6) + " " + siret.substring(6, 9) + " " + siret.substring(9);
    }

    /** A word of random letters, so that a test finds its own companies whatever else is in the table. */
    protected static String token() {
        var random = ThreadLocalRandom.current();
        var word = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    protected CompanyDetails createCompany(String siret, String legalName, String departmentCode) {
        return companyService.create(new CompanyDraft(siret, legalName, null, null, null, null, null, null, departmentCode,
                null, Set.of(), null), CompanySource.MANUAL);
    }

    protected CompanyDetails createCompany(CompanyDraft draft) {
        return companyService.create(draft, CompanySource.MANUAL);
    }

    @SuppressWarnings("unchecked")
    protected static Grid<CompanySummary> grid() {
        return _get(Grid.class, spec -> spec.withClasses("company-grid"));
    }

    /** What a person's choice in a field does (Karibu 2.6.2's {@code _setValue} fails on Vaadin 25.2). */
    protected static <V> void setValue(HasValue<?, V> field, @Nullable V value) {
        assertThat(((Component) field).isVisible() && ((HasEnabled) field).isEnabled()).as("field usable").isTrue();
        field.setValue(value);
    }

    protected static List<String> notificationTexts() {
        return NotificationsKt.getNotifications().stream().map(CompanyUiTest::text).toList();
    }

    private static String text(Notification notification) {
        String text = notification.getElement().getProperty("text");
        return text != null ? text : notification.getElement().getTextRecursively();
    }

    /** The path of the page shown now, e.g. {@code entreprises/42}. */
    protected static String currentPath() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }


    private static String randomDigits(int count) {
        var random = ThreadLocalRandom.current();
        var digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private static String withCheckDigit(String payload) {
        return LuhnSirets.withCheckDigit(payload);
    }

}
