package fr.passerelle.portal.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;

/**
 * A field people never see nor reach (off screen, hidden from screen readers, out of the tab order, no autofill) that
 * form-filling robots do fill: a form whose honeypot is filled is answered as if it had worked, and dropped.
 */
public final class HoneypotField extends Composite<Div> {

    private final TextField field = new TextField();

    public HoneypotField() {
        field.setLabel(getTranslation("portal.honeypot.label"));
        field.setTabIndex(-1);
        field.setMaxLength(200);
        field.getElement().setAttribute("autocomplete", "off");
        field.getElement().setAttribute("name", "website");
        getContent().add(field);
        getContent().addClassName("portal-honeypot");
        getContent().getElement().setAttribute("aria-hidden", "true");
    }

    /** Whether something filled it in: then the submission comes from a robot. */
    public boolean isFilled() {
        return !field.getValue().isEmpty();
    }

    public void clear() {
        field.clear();
    }

    TextField field() {
        return field;
    }
}
