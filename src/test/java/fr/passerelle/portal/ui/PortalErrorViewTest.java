package fr.passerelle.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.ErrorParameter;
import fr.passerelle.KaribuTest;
import fr.passerelle.portal.internal.PortalContact;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PortalErrorViewTest extends KaribuTest {

    @Autowired
    PortalContact contact;

    @Test
    void aFailureShowsAPlainMessageAndAReferenceButNothingOfTheException() {
        var view = new PortalErrorView(contact);
        UI.getCurrent().add(view);
        int status = view.setErrorParameter(null, new ErrorParameter<>(Exception.class,
                new IllegalStateException("SQL select * from company_account where secret")));

        assertThat(status).isEqualTo(500);
        assertThat(LocatorJ._get(view, H1.class).getText()).isEqualTo("Cette page n’a pas pu s’afficher");
        var texts = _find(view, Paragraph.class).stream().map(Paragraph::getText).toList();
        assertThat(texts).anyMatch(t -> t.matches("Référence : [0-9A-F]{8}"));
        assertThat(String.join(" ", texts)).doesNotContain("SQL", "secret", "IllegalStateException", "company_account")
                .contains("contact@passerelle.local");
    }

    private static <T extends com.vaadin.flow.component.Component> java.util.List<T> _find(com.vaadin.flow.component.Component root, Class<T> type) {
        return LocatorJ._find(root, type);
    }
}
