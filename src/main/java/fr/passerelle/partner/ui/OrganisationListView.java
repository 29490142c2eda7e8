package fr.passerelle.partner.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.passerelle.base.CurrentUser;
import fr.passerelle.base.Role;
import fr.passerelle.partner.CompanyListAction;
import fr.passerelle.partner.CompanyMergeService;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.PartnerKind;
import fr.passerelle.partner.SavedViewService;
import fr.passerelle.reference.ReferenceService;
import fr.passerelle.security.StaffDirectory;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The partners that are not companies (federations, training bodies, funders, employment services, SPIP,
 * associations): the companies list and its screens, started on those kinds (decision record 015). The Type
 * filter can widen it like any other filter; a new partner starts as a federation.
 */
@Route("organisations")
@Menu(order = 20.5, title = "partner.organisations.nav", icon = "vaadin:institution")
@RolesAllowed({Role.ADMIN_NAME, Role.REFERENT_NAME, Role.COMMUNICATION_NAME})
class OrganisationListView extends CompanyListView {

    static final String FILTER_ATTRIBUTE = OrganisationListView.class.getName() + ".filter";

    OrganisationListView(CompanyService companies, CompanyMergeService merges, ObjectProvider<CompanyListAction> listActions,
                         SavedViewService savedViewService, ReferenceService reference, StaffDirectory staff,
                         CurrentUser currentUser) {
        super(companies, merges, listActions, savedViewService, reference, staff, currentUser,
                new Preset(FILTER_ATTRIBUTE, PartnerKind.ORGANISATIONS, PartnerKind.FEDERATION,
                        "partner.organisations.title", "partner.organisations.create", "partner.organisations.count"));
        addClassName("organisation-list-view");
    }
}
