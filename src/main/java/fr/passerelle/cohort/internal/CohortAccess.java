package fr.passerelle.cohort.internal;

import fr.passerelle.base.CurrentUser;
import fr.passerelle.base.Role;
import fr.passerelle.base.SignedInUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a cohort of a DISP: administrators with every cohort, referents with those of their own
 * DISP. The same people, and no one else, read its participants; communication teams never do.
 */
@Component
public class CohortAccess {

    private final CurrentUser currentUser;

    CohortAccess(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    public boolean canEdit(String dispCode) {
        return currentUser.find().map(user -> user.role() == Role.ADMIN
                || user.role() == Role.REFERENT && dispCode.equals(user.dispCode())).orElse(false);
    }

    public void requireEdit(String dispCode) {
        if (!canEdit(dispCode)) {
            throw new AccessDeniedException("Only an administrator or a referent of " + dispCode + " may change this cohort");
        }
    }

    public boolean canSeeParticipants(String dispCode) {
        return canEdit(dispCode);
    }

    public SignedInUser requireParticipants(String dispCode) {
        if (!canSeeParticipants(dispCode)) {
            throw new AccessDeniedException("Only an administrator or a referent of " + dispCode + " may read this cohort's participants");
        }
        return currentUser.require();
    }

    public boolean canCreate() {
        return currentUser.find().map(user -> user.role() == Role.ADMIN || user.role() == Role.REFERENT).orElse(false);
    }

    public SignedInUser user() {
        return currentUser.require();
    }
}
