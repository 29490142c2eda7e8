package fr.passerelle.partner.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import fr.passerelle.base.ui.component.Confirmation;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.partner.CompanyFilter;
import fr.passerelle.partner.SavedView;
import fr.passerelle.partner.SavedViewService;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Each person's saved views: pick one to apply it, save the current filters under a name, delete one. */
final class SavedViewBar extends Composite<HorizontalLayout> {

    private final SavedViewService views;
    private final Supplier<CompanyFilter> currentFilter;
    private final Consumer<CompanyFilter> apply;
    private final Select<SavedView> picker = new Select<>();
    private final Button delete = new Button(VaadinIcon.TRASH.create());
    private List<SavedView> mine = List.of();
    /** True while the picker is changed by code, so that it does not apply a view. */
    private boolean updating;

    SavedViewBar(SavedViewService views, Supplier<CompanyFilter> currentFilter, Consumer<CompanyFilter> apply) {
        this.views = views;
        this.currentFilter = currentFilter;
        this.apply = apply;

        picker.setLabel(getTranslation("companies.views"));
        picker.setItemLabelGenerator(v -> v == null ? "" : v.name());
        picker.setEmptySelectionAllowed(false);
        picker.addValueChangeListener(e -> {
            if (!updating && e.getValue() != null) {
                apply.accept(e.getValue().filter());
            }
            delete.setEnabled(e.getValue() != null);
            delete.setAriaLabel(e.getValue() == null ? getTranslation("companies.views.delete")
                    : getTranslation("companies.views.delete.named", e.getValue().name()));
        });

        var save = new Button(getTranslation("companies.views.save"), VaadinIcon.BOOKMARK.create(), e -> openSaveDialog());
        delete.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY);
        delete.setAriaLabel(getTranslation("companies.views.delete"));
        delete.setTooltipText(getTranslation("companies.views.delete"));
        delete.setEnabled(false);
        delete.addClickListener(e -> confirmDelete());

        var layout = getContent();
        layout.addClassName("saved-views");
        layout.setSpacing(false);
        layout.setAlignItems(FlexComponent.Alignment.BASELINE);
        layout.getStyle().set("gap", "var(--lumo-space-xs)");
        layout.add(picker, delete, save);
        reload(null);
    }

    /** The filters were changed by hand: no saved view is applied any more. */
    void filtersChanged() {
        select(null);
    }

    private void openSaveDialog() {
        SavedView selected = picker.getValue();
        new SaveViewDialog(views, mine, selected == null ? "" : selected.name(), currentFilter.get(), saved -> {
            reload(saved);
            Notifications.success(getTranslation("companies.views.saved", saved.name()));
        }).open();
    }

    private void confirmDelete() {
        SavedView selected = picker.getValue();
        if (selected == null) {
            return;
        }
        Confirmation.ask(getTranslation("companies.views.delete.title", selected.name()),
                getTranslation("companies.views.delete.text"), getTranslation("companies.views.delete"), () -> {
                    views.delete(selected.id());
                    reload(null);
                    Notifications.success(getTranslation("companies.views.deleted", selected.name()));
                });
    }

    private void reload(@Nullable SavedView selected) {
        mine = views.mine();
        updating = true;
        try {
            picker.setItems(mine);
            picker.setEnabled(!mine.isEmpty());
            picker.setPlaceholder(getTranslation(mine.isEmpty() ? "companies.views.none" : "companies.views.placeholder"));
        } finally {
            updating = false;
        }
        select(selected);
    }

    private void select(@Nullable SavedView view) {
        updating = true;
        try {
            picker.setValue(view == null ? null : mine.stream().filter(v -> v.id() == view.id()).findFirst().orElse(null));
        } finally {
            updating = false;
        }
    }
}
