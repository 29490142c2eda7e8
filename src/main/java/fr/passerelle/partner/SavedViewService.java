package fr.passerelle.partner;

import fr.passerelle.partner.domain.SavedCompanyView;
import fr.passerelle.partner.domain.SavedCompanyViewRepository;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Each person's saved company lists ("mes prospects en Côte-d’Or"). */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT', 'COMMUNICATION')")
public class SavedViewService {

    private final SavedCompanyViewRepository views;
    private final PartnerScope scope;
    private final JsonMapper json;

    SavedViewService(SavedCompanyViewRepository views, PartnerScope scope, JsonMapper json) {
        this.views = views;
        this.scope = scope;
        this.json = json;
    }

    public List<SavedView> mine() {
        return views.findByOwnerIdOrderByNameAsc(scope.user().id()).stream().map(this::view).toList();
    }

    /** Saves the filter under a name; saving again under the same name replaces it. */
    @Transactional
    public SavedView save(String name, CompanyFilter filter) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            throw new PartnerException("name", "partner.error.view-name-required");
        }
        long me = scope.user().id();
        String serialised = json.writeValueAsString(filter);
        SavedCompanyView view = views.findByOwnerIdAndNameIgnoreCase(me, trimmed)
                .map(existing -> {
                    existing.setFilter(serialised);
                    return existing;
                })
                .orElseGet(() -> new SavedCompanyView(me, trimmed, serialised));
        return view(views.saveAndFlush(view));
    }

    @Transactional
    public void delete(long id) {
        views.findById(id).filter(v -> v.getOwnerId() == scope.user().id()).ifPresent(views::delete);
    }

    private SavedView view(SavedCompanyView view) {
        return new SavedView(view.getId(), view.getName(), json.readValue(view.getFilter(), CompanyFilter.class));
    }
}
