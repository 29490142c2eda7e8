package fr.passerelle.cohort.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import fr.passerelle.cohort.CohortDetails;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What a cohort is: programme, trades, place, dates, capacity, owner, and its partners in their roles. */
class CohortDetailsPanel extends Composite<Div> {

    CohortDetailsPanel(CohortDetails cohort) {
        var facts = new DescriptionList();
        fact(facts, "cohort.field.programme", cohort.programmeTitle());
        fact(facts, "cohort.field.sector", getTranslation(cohort.sector().translationKey()));
        fact(facts, "cohort.field.trades", cohort.trades().stream().map(t -> t.code() + " – " + t.label()).collect(Collectors.joining(", ")));
        fact(facts, "cohort.field.establishment", cohort.establishmentName());
        fact(facts, "cohort.field.disp", cohort.dispCode());
        fact(facts, "cohort.field.region", cohort.regionName());
        fact(facts, "cohort.field.planned-dates", dates(cohort.plannedStart(), cohort.plannedEnd()));
        fact(facts, "cohort.field.actual-dates", cohort.actualStart() == null ? null : dates(cohort.actualStart(), cohort.actualEnd()));
        fact(facts, "cohort.field.hours", cohort.hours() == null ? null : String.valueOf(cohort.hours()));
        fact(facts, "cohort.field.certification", cohort.certification());
        fact(facts, "cohort.field.capacity", getTranslation("cohort.details.filled", cohort.enrolled(), cohort.capacity()));
        fact(facts, "cohort.field.referent", cohort.referentName());
        fact(facts, "cohort.field.cancel-reason", cohort.cancelReason());
        facts.addClassName("cohort-facts");

        var partners = new UnorderedList();
        cohort.partners().forEach(p -> partners.add(new ListItem(p.companyName() + " — " + getTranslation(p.role().translationKey()))));
        getContent().add(facts, new H3(getTranslation("cohort.details.partners")),
                cohort.partners().isEmpty() ? new Paragraph(getTranslation("cohort.details.no-partner")) : partners);
        getContent().addClassName("cohort-details");
    }

    private void fact(DescriptionList list, String labelKey, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            list.add(new DescriptionList.Term(getTranslation(labelKey)), new DescriptionList.Description(value));
        }
    }

    private static String dates(java.time.LocalDate start, java.time.@Nullable LocalDate end) {
        return end == null ? CohortDisplay.date(start) : CohortDisplay.date(start) + " – " + CohortDisplay.date(end);
    }
}
