package fr.passerelle.cohort.ui;

import fr.passerelle.base.CurrentUser;
import fr.passerelle.cohort.CohortDetails;
import fr.passerelle.cohort.CohortOfferService;
import fr.passerelle.cohort.CohortService;
import fr.passerelle.cohort.ParticipantService;
import fr.passerelle.cohort.ProgrammeService;
import fr.passerelle.cohort.ProgrammeSummary;
import fr.passerelle.offer.OfferService;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.reference.ReferenceService;
import fr.passerelle.security.StaffDirectory;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The services the cohort screens call, and the forms they open. */
@Component
record CohortForms(CohortService cohorts, ProgrammeService programmes, ParticipantService participants,
                   CohortOfferService cohortOffers, ReferenceService reference, CompanyService companies, OfferService offers,
                   StaffDirectory staff, CurrentUser currentUser) {

    void openCohortForm(@Nullable CohortDetails existing, Consumer<CohortDetails> onSaved) {
        new CohortFormDialog(this, existing, onSaved).open();
    }

    void openProgrammeForm(@Nullable ProgrammeSummary existing, Consumer<ProgrammeSummary> onSaved) {
        new ProgrammeFormDialog(programmes, existing, onSaved).open();
    }
}
