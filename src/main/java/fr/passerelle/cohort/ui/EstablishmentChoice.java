package fr.passerelle.cohort.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import fr.passerelle.reference.EstablishmentFilter;
import fr.passerelle.reference.ReferenceService;
import java.io.Serializable;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** An establishment as the cohort screens pick it: searched by name as it is typed, within a DISP when one is given. */
record EstablishmentChoice(long id, String name, String dispCode) implements Serializable {

    static ComboBox<EstablishmentChoice> picker(ReferenceService reference, String label, Supplier<@Nullable String> disp) {
        var picker = new ComboBox<EstablishmentChoice>(label);
        picker.setItemLabelGenerator(EstablishmentChoice::name);
        picker.setClearButtonVisible(true);
        picker.setItemsPageable(
                (pageable, text) -> reference.establishments(filter(disp.get(), text), pageable).stream()
                        .map(e -> new EstablishmentChoice(e.id(), e.name(), e.dispCode())).toList(),
                (pageable, text) -> reference.countEstablishments(filter(disp.get(), text)))
                .setIdentifierProvider(EstablishmentChoice::id);
        return picker;
    }

    private static EstablishmentFilter filter(@Nullable String disp, @Nullable String text) {
        return new EstablishmentFilter(disp, null, null, text == null ? "" : text);
    }
}
