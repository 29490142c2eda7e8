package fr.passerelle.base;

import org.hibernate.envers.RevisionListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Records who made each audited change: the signed-in user, or "system" for start-up and batch work. */
public class AuditRevisionListener implements RevisionListener {

    @Override
    public void newRevision(Object revisionEntity) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String username = authentication == null || authentication instanceof AnonymousAuthenticationToken
                ? "system" : authentication.getName();
        ((AuditRevision) revisionEntity).setUsername(username);
    }
}
