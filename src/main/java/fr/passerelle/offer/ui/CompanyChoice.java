package fr.passerelle.offer.ui;

import fr.passerelle.partner.CompanyFilter;
import fr.passerelle.partner.CompanyService;
import com.vaadin.flow.component.combobox.ComboBox;
import java.io.Serializable;
import org.springframework.data.domain.PageRequest;

/** A company as the offer screens pick it: by name, searched in the companies list as it is typed. */
record CompanyChoice(long id, String name) implements Serializable {

    /** A combo box over every company, searched by the start of their words (the companies list's search). */
    static ComboBox<CompanyChoice> picker(CompanyService companies, String label) {
        var picker = new ComboBox<CompanyChoice>(label);
        picker.setItems(query -> companies.search(CompanyFilter.none().withSearch(query.getFilter().orElse("")),
                        PageRequest.of(query.getPage(), query.getPageSize()))
                .stream().map(c -> new CompanyChoice(c.id(), c.displayName())));
        picker.setItemLabelGenerator(CompanyChoice::name);
        picker.setClearButtonVisible(true);
        return picker;
    }

    static java.util.Optional<CompanyChoice> of(CompanyService companies, long id) {
        return companies.get(id).map(c -> new CompanyChoice(c.id(), c.displayName()));
    }
}
