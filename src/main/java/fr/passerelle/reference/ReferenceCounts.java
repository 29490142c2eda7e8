package fr.passerelle.reference;

/** How much active reference data there is, for dashboards and checks. */
public record ReferenceCounts(long disps, long regions, long departments, long establishments,
                              long nafSections, long nafSubClasses, long romeFamilies, long romeJobs) {
}
