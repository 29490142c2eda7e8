package fr.passerelle.portal.internal;

import fr.passerelle.reference.DepartmentSummary;
import fr.passerelle.reference.DispSummary;
import fr.passerelle.reference.ReferenceService;
import fr.passerelle.security.StaffDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Who a company can turn to, DISP by DISP: the regions it covers (from the reference departments) and the display
 * names of its referents (R2IP). The reference data holds no contact address, so the portal's generic address is
 * the one shown; nothing else about the referents is public.
 */
@Service
public class DispContacts {

    private final ReferenceService reference;
    private final StaffDirectory staff;

    DispContacts(ReferenceService reference, StaffDirectory staff) {
        this.reference = reference;
        this.staff = staff;
    }

    public List<DispContact> all() {
        Map<String, Set<String>> regions = new LinkedHashMap<>();
        for (DepartmentSummary department : reference.departments()) {
            regions.computeIfAbsent(department.dispCode(), code -> new LinkedHashSet<>()).add(department.regionName());
        }
        Map<String, List<String>> referents = new LinkedHashMap<>();
        for (StaffDirectory.PublicReferent referent : staff.publicReferents()) {
            referents.computeIfAbsent(referent.dispCode(), code -> new ArrayList<>()).add(referent.displayName());
        }
        return reference.disps().stream()
                .map(disp -> contact(disp, regions.getOrDefault(disp.code(), Set.of()), referents.getOrDefault(disp.code(), List.of())))
                .toList();
    }

    private static DispContact contact(DispSummary disp, Set<String> regions, List<String> referents) {
        return new DispContact(disp.code(), disp.name(), regions.stream().sorted().toList(), List.copyOf(referents));
    }

    /** A DISP as the portal shows it. */
    public record DispContact(String code, String name, List<String> regions, List<String> referentNames) {
    }
}
