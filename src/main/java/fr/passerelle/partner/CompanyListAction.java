package fr.passerelle.partner;

import org.springframework.data.domain.Sort;

/**
 * A button that another module adds to the companies list's toolbar (the CSV export), as a bean: the list
 * shows one per bean, in {@link #order()}, to everyone who sees the list, and never names the module that
 * brings it (that module depends on partner, not the other way round).
 */
public interface CompanyListAction {

    /** Buttons are shown in ascending order. */
    int order();

    /** The translation key of the button's text. */
    String textKey();

    /** The translation key of the button's accessible name and tooltip. */
    String descriptionKey();

    /** A Vaadin icon's name ("download-alt"). */
    String icon();

    /** Pressed, on the UI thread: the list's current filter and sort, and how many companies it finds (capped). */
    void run(CompanyFilter filter, Sort sort, long companyCount);
}
