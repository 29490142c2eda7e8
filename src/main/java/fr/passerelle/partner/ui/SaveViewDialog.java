package fr.passerelle.partner.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import fr.passerelle.base.ui.component.Confirmation;
import fr.passerelle.partner.CompanyFilter;
import fr.passerelle.partner.PartnerException;
import fr.passerelle.partner.SavedView;
import fr.passerelle.partner.SavedViewService;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/** Asks for the name under which the current filters are saved; an existing name is replaced after a confirmation. */
final class SaveViewDialog extends Dialog {

    private final SavedViewService views;
    private final List<SavedView> existing;
    private final CompanyFilter filter;
    private final Consumer<SavedView> onSaved;
    private final TextField name = new TextField();

    SaveViewDialog(SavedViewService views, List<SavedView> existing, String suggestedName, CompanyFilter filter,
                   Consumer<SavedView> onSaved) {
        this.views = views;
        this.existing = existing;
        this.filter = filter;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation("companies.views.save.title"));
        setWidth("min(30rem, 95vw)");

        name.setLabel(getTranslation("companies.views.name"));
        name.setPlaceholder(getTranslation("companies.views.name.placeholder"));
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(100);
        name.setWidthFull();
        name.setValue(suggestedName);
        name.focus();
        add(new Paragraph(getTranslation("companies.views.save.text")), name);

        var save = new Button(getTranslation("action.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private void save() {
        String wanted = name.getValue().strip();
        Optional<SavedView> same = existing.stream()
                .filter(v -> v.name().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))).findFirst();
        if (same.isPresent()) {
            Confirmation.ask(getTranslation("companies.views.replace.title", same.get().name()),
                    getTranslation("companies.views.replace.text"), getTranslation("companies.views.replace"),
                    () -> store(wanted));
        } else {
            store(wanted);
        }
    }

    private void store(String wanted) {
        try {
            SavedView saved = views.save(wanted, filter);
            close();
            onSaved.accept(saved);
        } catch (PartnerException e) {
            name.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
            name.setInvalid(true);
        }
    }
}
