package fr.passerelle.cohort.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.cohort.CohortDetails;
import fr.passerelle.cohort.CohortRatesService;
import fr.passerelle.cohort.cohortpage.CohortTab;

/** The cohort page's results tab, after the linked offers; every staff role sees it, with counts as the service gives them. */
@org.springframework.stereotype.Component
class CohortRatesTab implements CohortTab {

    private final CohortRatesService rates;

    CohortRatesTab(CohortRatesService rates) {
        this.rates = rates;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String titleKey() {
        return "cohort.rates.tab";
    }

    @Override
    public boolean shownTo(SignedInUser user, CohortDetails cohort) {
        return true;
    }

    @Override
    public Component content(CohortDetails cohort, Runnable changed) {
        return rates.cohort(cohort.id()).<Component>map(RatesPanel::new)
                .orElseGet(() -> new Paragraph(com.vaadin.flow.component.UI.getCurrent().getTranslation("cohort.error.not-found")));
    }
}
