package fr.passerelle.offer.ui;

import fr.passerelle.base.CurrentUser;
import fr.passerelle.base.NavigationBadge;
import fr.passerelle.base.Role;
import fr.passerelle.offer.ModerationService;
import fr.passerelle.workshop.WorkshopService;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/** What waits in "À valider" for the signed-in referent (their DISP) or administrator (every DISP): offers and workshop requests. */
@Component
class ModerationBadge implements NavigationBadge {

    private final ModerationService moderation;
    private final WorkshopService workshops;
    private final CurrentUser currentUser;

    ModerationBadge(ModerationService moderation, WorkshopService workshops, CurrentUser currentUser) {
        this.moderation = moderation;
        this.workshops = workshops;
        this.currentUser = currentUser;
    }

    @Override
    public String path() {
        return ModerationView.ROUTE;
    }

    @Override
    public OptionalLong count() {
        boolean moderates = currentUser.find().map(user -> user.role() == Role.ADMIN || user.role() == Role.REFERENT).orElse(false);
        return moderates ? OptionalLong.of(moderation.countPending(null) + workshops.countPendingInterests(null)) : OptionalLong.empty();
    }

    @Override
    public String descriptionKey() {
        return "moderation.nav-badge";
    }
}
