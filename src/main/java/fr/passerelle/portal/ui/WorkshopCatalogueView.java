package fr.passerelle.portal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.passerelle.portal.internal.PortalContact;
import fr.passerelle.workshop.ActivityCategory;
import fr.passerelle.workshop.CatalogueEntry;
import fr.passerelle.workshop.CatalogueFilter;
import fr.passerelle.workshop.CatalogueRegion;
import fr.passerelle.workshop.WorkshopService;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;

/**
 * The public workshop catalogue: the spaces establishments offer to a company's workshop, searched by region, kind of
 * activity and words, shown as cards (a table is awkward on a phone) ten at a time from the database, "Voir plus"
 * bringing the next ten. The number of results is announced in a live region; the search is kept in the address
 * ({@code ?region=27&activite=PACKAGING&q=bois}), so that the back button and a shared link give the same list.
 */
@Route("portail/ateliers")
@AnonymousAllowed
@StyleSheet("styles/portal-workshops.css")
class WorkshopCatalogueView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    static final int PAGE_SIZE = 10;
    static final String REGION_PARAMETER = "region";
    static final String ACTIVITY_PARAMETER = "activite";
    static final String TEXT_PARAMETER = "q";

    private final WorkshopService workshops;
    private final Map<String, String> regionNames = new LinkedHashMap<>();
    private final Select<String> region = new Select<>();
    private final Select<ActivityCategory> activity = new Select<>();
    private final TextField text = new TextField();
    private final Paragraph count = new Paragraph();
    private final UnorderedList cards = new UnorderedList();
    private final Paragraph shownOfTotal = new Paragraph();
    private final Button more = new Button();
    private final Div empty = new Div();
    private final Paragraph emptyAdvice = new Paragraph();
    private final Button showAll = new Button();
    private CatalogueFilter filter = CatalogueFilter.none();
    private long total;
    private int shown;
    private boolean filling;

    WorkshopCatalogueView(WorkshopService workshops, PortalContact contact) {
        this.workshops = workshops;
        addClassNames("portal-page", "workshop-catalogue");
        for (CatalogueRegion r : workshops.catalogueRegions()) {
            regionNames.put(r.code(), r.name());
        }

        var intro = new Paragraph(getTranslation("portal.workshops.intro"));
        var results = new Section(new H2(getTranslation("portal.workshops.results.title")), count, cards, empty(contact),
                moreBar());
        results.addClassName("workshop-results");
        add(new H1(getTranslation("portal.workshops.title")), intro, filters(), results);
    }

    private Div filters() {
        region.setLabel(getTranslation("portal.workshops.filter.region"));
        region.setItems(regionNames.keySet());
        region.setItemLabelGenerator(code -> code == null ? getTranslation("portal.workshops.filter.region.any")
                : regionNames.getOrDefault(code, code));
        region.setEmptySelectionAllowed(true);
        region.setEmptySelectionCaption(getTranslation("portal.workshops.filter.region.any"));

        activity.setLabel(getTranslation("portal.workshops.filter.activity"));
        activity.setItems(ActivityCategory.values());
        activity.setItemLabelGenerator(a -> a == null ? getTranslation("portal.workshops.filter.activity.any")
                : getTranslation(a.translationKey()));
        activity.setEmptySelectionAllowed(true);
        activity.setEmptySelectionCaption(getTranslation("portal.workshops.filter.activity.any"));

        text.setLabel(getTranslation("portal.workshops.filter.text"));
        text.setHelperText(getTranslation("portal.workshops.filter.text.help"));
        text.setMaxLength(CatalogueFilter.MAX_TEXT);
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);

        region.addValueChangeListener(e -> searchFromFields());
        activity.addValueChangeListener(e -> searchFromFields());
        text.addValueChangeListener(e -> searchFromFields());

        var form = new Div(region, activity, text);
        form.addClassName("workshop-filters");
        form.getElement().setAttribute("role", "search");
        form.getElement().setAttribute("aria-label", getTranslation("portal.workshops.filter.label"));
        return form;
    }

    private Div empty(PortalContact contact) {
        empty.addClassName("workshop-empty");
        showAll.setText(getTranslation("portal.workshops.empty.show-all"));
        showAll.addClickListener(click -> showAll());
        var contacts = new Anchor("portail", getTranslation("portal.workshops.empty.contacts"));
        var mail = new Anchor("mailto:" + contact.email(), contact.email());
        empty.add(emptyAdvice, showAll,
                new Paragraph(contacts), new Paragraph(new Span(getTranslation("portal.workshops.empty.write") + " "), mail));
        empty.setVisible(false);
        return empty;
    }

    private Div moreBar() {
        cards.addClassNames("portal-cards", "workshop-cards");
        // The live region: read out when the search changes, without moving the focus.
        count.getElement().setAttribute("role", "status");
        count.addClassName("workshop-count");
        more.setText(getTranslation("portal.workshops.more"));
        more.addClickListener(click -> showMore(true));
        var bar = new Div(shownOfTotal, more);
        bar.addClassName("workshop-more");
        return bar;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        filling = true;
        try {
            String regionCode = first(parameters, REGION_PARAMETER);
            region.setValue(regionCode != null && regionNames.containsKey(regionCode) ? regionCode : null);
            String activityName = first(parameters, ACTIVITY_PARAMETER);
            activity.setValue(Arrays.stream(ActivityCategory.values()).filter(a -> a.name().equals(activityName)).findFirst()
                    .orElse(null));
            String words = first(parameters, TEXT_PARAMETER);
            text.setValue(words == null ? "" : words.length() > CatalogueFilter.MAX_TEXT ? words.substring(0, CatalogueFilter.MAX_TEXT) : words);
        } finally {
            filling = false;
        }
        search();
    }

    private static @Nullable String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        return values.isEmpty() || values.getFirst().isBlank() ? null : values.getFirst();
    }

    private void searchFromFields() {
        if (filling) {
            return;
        }
        search();
        keepSearchInAddress();
    }

    private void showAll() {
        filling = true;
        try {
            region.clear();
            activity.clear();
            text.clear();
        } finally {
            filling = false;
        }
        searchFromFields();
        region.focus();
    }

    private void search() {
        filter = new CatalogueFilter(region.getValue(), activity.getValue(), text.getValue());
        total = workshops.countCatalogue(filter);
        cards.removeAll();
        shown = 0;
        showMore(false);
        boolean filtered = filter.regionCode() != null || filter.activity() != null || !filter.text().isEmpty();
        count.setText(getTranslation(filtered ? "portal.workshops.count.filtered" : "portal.workshops.count.all", total));
        empty.setVisible(total == 0);
        emptyAdvice.setText(getTranslation(filtered ? "portal.workshops.empty.advice" : "portal.workshops.empty.none"));
        showAll.setVisible(filtered);
    }

    /** The next page; with {@code moveFocus}, the focus goes to its first card (a keyboard user carries on from there). */
    private void showMore(boolean moveFocus) {
        List<CatalogueEntry> page = workshops.catalogue(filter, PageRequest.of(shown / PAGE_SIZE, PAGE_SIZE));
        WorkshopSpaceCard first = null;
        for (CatalogueEntry entry : page) {
            var card = new WorkshopSpaceCard(entry);
            cards.add(card);
            if (first == null) {
                first = card;
            }
        }
        shown += page.size();
        if (page.size() < PAGE_SIZE) {
            // A short page is the last one, even when spaces were withdrawn since the count.
            total = shown;
        }
        cards.setVisible(shown > 0);
        more.setVisible(shown < total);
        shownOfTotal.setVisible(total > 0);
        shownOfTotal.setText(getTranslation("portal.workshops.shown", shown, total));
        if (moveFocus && first != null) {
            first.getElement().callJsFunction("focus");
        }
    }

    private void keepSearchInAddress() {
        var parameters = new HashMap<String, String>();
        if (filter.regionCode() != null) {
            parameters.put(REGION_PARAMETER, filter.regionCode());
        }
        if (filter.activity() != null) {
            parameters.put(ACTIVITY_PARAMETER, filter.activity().name());
        }
        if (!filter.text().isEmpty()) {
            parameters.put(TEXT_PARAMETER, filter.text());
        }
        UI.getCurrent().getPage().getHistory().replaceState(null,
                new Location("portail/ateliers", QueryParameters.simple(parameters)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.workshops.page-title");
    }
}
