package fr.passerelle.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.FieldSet;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import fr.passerelle.portal.internal.FieldProblem;
import org.jsoup.nodes.Element;

/** How the declaration form's fields are set up and show their problems. */
final class DeclarationFields {

    private DeclarationFields() {
    }

    /*
     * The fields take the form's whole width through portal-declare.css rather than setWidthFull(): a style set from the
     * server is state each field keeps in every visitor's session.
     */

    /**
     * A text input with its label, its length limit (the browser stops typing there; the service checks it again) and
     * the service as the only judge of its value.
     */
    static void text(TextField field, String label, int maxLength, boolean required) {
        field.setMaxLength(maxLength);
        field.setManualValidation(true);
        common(field, label, required);
    }

    static void text(EmailField field, String label, int maxLength, boolean required) {
        field.setMaxLength(maxLength);
        field.setManualValidation(true);
        common(field, label, required);
    }

    static void text(TextArea field, String label, int maxLength, boolean required) {
        field.setMaxLength(maxLength);
        field.setManualValidation(true);
        common(field, label, required);
    }

    private static void common(TextFieldBase<?, String> field, String label, boolean required) {
        field.setLabel(label);
        field.setRequiredIndicatorVisible(required);
    }

    /**
     * Static text as one server-side node: a component per paragraph and per piece of text would each hold their own
     * state in every visitor's session, for text that never changes. The text is escaped; the markup of a text is
     * one shared string, not a copy per session.
     */
    static Component html(Element element) {
        return new StaticHtml(element);
    }

    /** A section of the form: a fieldset whose legend is one node. */
    static FieldSet section(String legend, Component... fields) {
        var section = new FieldSet();
        section.add(html("legend", legend));
        section.add(fields);
        return section;
    }

    /** One element holding a text, e.g. {@code html("p", …)}. */
    static Component html(String tag, String text) {
        return html(new Element(tag).text(text));
    }

    /**
     * An element with its attributes and its children as markup. Unlike {@link com.vaadin.flow.component.Html}, which
     * makes a string of its own, it keeps the canonical instance of the markup: the same text in every session is held
     * once (the form's texts are a fixed set, two languages).
     */
    private static final class StaticHtml extends Component {

        StaticHtml(Element element) {
            super(new com.vaadin.flow.dom.Element(element.tagName()));
            element.attributes().forEach(attribute -> getElement().setAttribute(attribute.getKey(), attribute.getValue().intern()));
            getElement().setProperty("innerHTML", element.html().intern());
        }
    }

    /** The problem's message next to the field, in the page's language. */
    static void show(HasValidation field, FieldProblem problem) {
        field.setErrorMessage(message(problem));
        field.setInvalid(true);
    }

    static String message(FieldProblem problem) {
        return UI.getCurrent().getTranslation(problem.messageKey(), problem.arguments());
    }
}
