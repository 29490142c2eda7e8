package fr.passerelle.offer;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The filters of the offers list (and of its CSV export); what the session remembers. */
public record OfferFilter(@Nullable String dispCode, Set<OfferStatus> statuses, @Nullable OfferType type,
                          @Nullable String romeFamily, @Nullable String departmentCode, @Nullable Long companyId,
                          String search) {

    public OfferFilter {
        statuses = Set.copyOf(statuses);
        search = search == null ? "" : search;
    }

    public static OfferFilter none() {
        return new OfferFilter(null, Set.of(), null, null, null, null, "");
    }

    public OfferFilter withDisp(@Nullable String disp) {
        return new OfferFilter(disp, statuses, type, romeFamily, departmentCode, companyId, search);
    }

    public OfferFilter withStatuses(Set<OfferStatus> states) {
        return new OfferFilter(dispCode, states, type, romeFamily, departmentCode, companyId, search);
    }

    public OfferFilter withCompany(@Nullable Long company) {
        return new OfferFilter(dispCode, statuses, type, romeFamily, departmentCode, company, search);
    }

    public OfferFilter withSearch(String text) {
        return new OfferFilter(dispCode, statuses, type, romeFamily, departmentCode, companyId, text);
    }
}
