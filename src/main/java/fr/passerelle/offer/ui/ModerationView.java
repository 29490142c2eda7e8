package fr.passerelle.offer.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.passerelle.base.CurrentUser;
import fr.passerelle.base.Role;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.base.ui.component.NavigationBadges;
import fr.passerelle.base.ui.component.ViewToolbar;
import fr.passerelle.offer.ModerationService;
import fr.passerelle.reference.DispSummary;
import fr.passerelle.reference.ReferenceService;
import fr.passerelle.sirene.CompanyRegister;
import fr.passerelle.workshop.WorkshopService;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/**
 * "À valider": what waits for the referent of a DISP, oldest first: offers declared on the portal (validate or reject)
 * and companies' requests about workshop spaces (handled or dismissed). A referent sees their DISP's; an administrator
 * every DISP's, or one's with the filter. The number in the navigation follows each action.
 */
@Route(ModerationView.ROUTE)
@Menu(order = 14, title = "moderation.nav", icon = "vaadin:inbox")
@RolesAllowed({Role.ADMIN_NAME, Role.REFERENT_NAME})
class ModerationView extends Main implements HasDynamicTitle {

    static final String ROUTE = "moderation";

    private final ComboBox<DispSummary> dispFilter = new ComboBox<>();
    final PendingOffersPanel offers;
    final PendingInterestsPanel interests;

    ModerationView(ModerationService moderation, WorkshopService workshops, CompanyRegister register, ReferenceService reference,
                   CurrentUser currentUser) {
        SignedInUser user = currentUser.require();
        addClassNames("list-view", "moderation-view");
        setSizeFull();
        dispFilter.setLabel(getTranslation("offer.field.disp"));
        dispFilter.setItems(reference.disps());
        dispFilter.setItemLabelGenerator(DispSummary::code);
        dispFilter.setClearButtonVisible(true);
        dispFilter.setPlaceholder(getTranslation("moderation.filter.every-disp"));
        // A referent's queue is their DISP's: no choice to make.
        dispFilter.setVisible(user.isAdmin());
        dispFilter.addValueChangeListener(e -> refresh());
        this.offers = new PendingOffersPanel(moderation, register, this::disp, this::changed);
        this.interests = new PendingInterestsPanel(workshops, this::disp, this::changed);
        var offersTitle = new H2(getTranslation("moderation.offers.title"));
        var interestsTitle = new H2(getTranslation("moderation.interests.title"));
        add(new ViewToolbar(dispFilter), offersTitle, offers, interestsTitle, interests);
    }

    private @Nullable String disp() {
        DispSummary chosen = dispFilter.getValue();
        return chosen == null ? null : chosen.code();
    }

    private void refresh() {
        offers.refresh();
        interests.refresh();
    }

    /** An offer or a request left the queue: the lists and the navigation's number follow. */
    private void changed() {
        refresh();
        NavigationBadges.refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("moderation.title");
    }
}
