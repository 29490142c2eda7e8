package fr.passerelle.offer.internal;

import static fr.passerelle.benchmark.CopyStream.copyRows;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.postgresql.copy.CopyManager;

/**
 * Streams a large, varied set of offers into PostgreSQL with {@code COPY}, for the offers-list benchmark:
 * five years of offers, created in id order, over the given companies (a few companies with hundreds of
 * offers, most with a handful); ROME codes from the reference table, weighted towards the trades of prison
 * work and jobs at release; titles built from the ROME labels (accents included); states that follow an
 * offer's age (pending and open offers are recent, expired, filled and closed ones older); a department
 * for jobs at release and apprenticeships (mostly the company's), one or two target establishments for
 * workshop and subcontracting offers (mostly in the company's DISP). The database's triggers derive the DISP
 * and the search document as for any offer.
 */
public final class BenchmarkOffers {

    /** A company offers can belong to; {@code contactId} 0 when it has none. */
    public record Company(long id, String departmentCode, String dispCode, long contactId) {
    }

    public record RomeJob(String code, String label) {
    }

    public record Establishment(long id, String dispCode) {
    }

    private static final int DAYS = 5 * 365;
    /** ROME families by how often offers for people in or leaving prison name them (A–N). */
    private static final Map<Character, Integer> FAMILY_WEIGHTS = Map.ofEntries(Map.entry('H', 24), Map.entry('F', 15),
            Map.entry('N', 14), Map.entry('G', 10), Map.entry('K', 10), Map.entry('I', 8), Map.entry('D', 7), Map.entry('A', 5),
            Map.entry('M', 3), Map.entry('J', 1), Map.entry('E', 1), Map.entry('B', 1), Map.entry('C', 1));
    private static final String[] WORKSHOP_ACTIVITIES = {"Atelier de conditionnement", "Montage de pièces détachées",
            "Assemblage de faisceaux électriques", "Tri et recyclage de déchets électroniques", "Couture industrielle",
            "Saisie et numérisation de documents", "Menuiserie et palettes", "Mise sous pli et routage", "Préparation de kits",
            "Soudure de petites séries", "Reprographie et façonnage", "Étiquetage et contrôle qualité", "Câblage et sertissage",
            "Ébavurage de pièces plastiques", "Conditionnement alimentaire"};
    private static final String[] WORKSHOP_DETAILS = {"", "", " – opérateurs polyvalents", " – série de 5 000 pièces",
            " – travail à la pièce", " – équipe de 10 personnes", " – commande récurrente", " – démarrage rapide"};
    private static final String[] JOB_SUFFIXES = {"", "", "", " (H/F)", " H/F", " en CDI", " – débutant accepté", " de nuit",
            " polyvalent", " confirmé", " – poste à pourvoir rapidement", " – temps partiel", " en équipe"};
    private static final String[] APPRENTICE_SUFFIXES = {" en alternance", " – contrat d’apprentissage", " en apprentissage",
            " – CAP en alternance", " – contrat de professionnalisation"};
    private static final String[] SENTENCES = {"Nous recherchons une personne motivée, ponctuelle et soucieuse du travail bien fait.",
            "Une formation au poste est assurée à l’arrivée par un tuteur de l’équipe.", "Travail en équipe du lundi au vendredi.",
            "Le poste est ouvert aux personnes sortant de détention, accompagnées par le SPIP.",
            "Possibilité d’évolution vers un poste de chef d’équipe.", "Horaires de journée, pas de travail le week-end.",
            "Les équipements de protection individuelle sont fournis.", "Permis B souhaité mais non obligatoire.",
            "L’entreprise est habituée à accueillir des personnes en parcours d’insertion.",
            "Rémunération selon la convention collective, paniers repas et primes de production.",
            "Les pièces sont livrées et enlevées par nos soins chaque semaine.", "Cadence adaptée et contrôle qualité en fin de série.",
            "Aucune expérience exigée : savoir lire les consignes et respecter les règles de sécurité.",
            "Le site est accessible en transports en commun.", "Nous travaillons avec l’établissement depuis plusieurs années."};
    private static final String[] REJECTIONS = {"DUPLICATE", "INCOMPLETE", "NOT_ELIGIBLE", "COMPANY_UNREACHABLE", "OTHER"};

    private final Random random = new Random(20_251_010L);
    private final List<Company> companies;
    private final Map<Character, List<RomeJob>> jobsByFamily = new java.util.HashMap<>();
    private final List<Character> families = new ArrayList<>();
    private final Map<String, List<Establishment>> establishmentsByDisp = new java.util.HashMap<>();
    private final List<Establishment> establishments;
    private final List<String> departments;
    /** Per copied offer, in order: its target establishments (none for offers placed in a department). */
    private long[][] targets = new long[0][];

    public BenchmarkOffers(List<Company> companies, List<RomeJob> romeJobs, List<Establishment> establishments,
                           List<String> departments) {
        this.companies = List.copyOf(companies);
        this.establishments = List.copyOf(establishments);
        this.departments = List.copyOf(departments);
        for (RomeJob job : romeJobs) {
            jobsByFamily.computeIfAbsent(job.code().charAt(0), k -> new ArrayList<>()).add(job);
        }
        FAMILY_WEIGHTS.forEach((family, weight) -> {
            if (jobsByFamily.containsKey(family)) {
                for (int i = 0; i < weight; i++) {
                    families.add(family);
                }
            }
        });
        families.sort(null);
        for (Establishment establishment : establishments) {
            establishmentsByDisp.computeIfAbsent(establishment.dispCode(), k -> new ArrayList<>()).add(establishment);
        }
    }

    /** Copies {@code count} offers, the oldest first. Returns how long it took in milliseconds. */
    public long copyOffers(CopyManager copy, int count) throws SQLException {
        targets = new long[count][];
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return copyRows(copy, """
                copy offer (company_id, type, rome_code, title, description, positions, contract_type, hours_per_week,
                            commune, department_code, start_date, end_date, source, contact_id, status, rejection_reason_code,
                            rejection_reason, last_company_update_at, created_at, updated_at)
                from stdin""", 0, count - 1, (rows, i) -> offer(rows, (int) i, count, now));
    }

    /**
     * Copies the target establishments of the offers {@link #copyOffers} copied, whose ids run from
     * {@code firstOfferId} in the same order. Returns how many rows and how long it took in milliseconds.
     */
    public long[] copyTargets(CopyManager copy, long firstOfferId) throws SQLException {
        long[] rows = {0};
        long ms = copyRows(copy, "copy offer_establishment (offer_id, establishment_id) from stdin", 0, targets.length - 1, (out, i) -> {
            for (long establishment : targets[(int) i]) {
                out.append(firstOfferId + i).append('\t').append(establishment).append('\n');
                rows[0]++;
            }
        });
        return new long[] {rows[0], ms};
    }

    private void offer(StringBuilder row, int i, int count, Instant now) {
        // A few companies offer a lot (national subcontractors), most a handful.
        Company company = companies.get((int) (companies.size() * Math.pow(random.nextDouble(), 1.5)));
        int type = random.nextInt(100);
        String offerType = type < 25 ? "WORKSHOP_JOBS" : type < 40 ? "SUBCONTRACTING" : type < 80 ? "POST_RELEASE_JOB" : "APPRENTICESHIP";
        boolean inEstablishments = type < 40;
        char family = inEstablishments ? "HHHNNKI".charAt(random.nextInt(7)) : pick(families);
        List<RomeJob> jobs = jobsByFamily.get(family);
        RomeJob job = jobs.get((int) (jobs.size() * Math.pow(random.nextDouble(), 2)));
        String title = title(offerType, job);

        double age = (count - 1 - i) * (double) DAYS / count;
        Instant created = now.minusSeconds((long) (age * 86_400) + random.nextInt(3_600));
        String status = status(age);
        LocalDate createdDay = created.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate start = createdDay.plusDays(random.nextInt(60));
        LocalDate end = random.nextInt(100) < 30 ? null : start.plusMonths(1 + random.nextInt(12));
        String source = status.equals("PENDING_VALIDATION") || status.equals("REJECTED") || random.nextInt(100) < 35 ? "PORTAL"
                : random.nextInt(100) < 90 ? "REFERENT" : "IMPORT";
        String contract = switch (offerType) {
            case "WORKSHOP_JOBS", "SUBCONTRACTING" -> "PRISON_EMPLOYMENT";
            case "APPRENTICESHIP" -> random.nextInt(4) == 0 ? "PROFESSIONALISATION" : "APPRENTICESHIP";
            default -> new String[] {"CDI", "CDI", "CDD", "CDD", "INTERIM", "INSERTION"}[random.nextInt(6)];
        };
        String department = null;
        if (inEstablishments) {
            // Both targets in one DISP, as the service keeps them: mostly the company's.
            List<Establishment> elsewhere = establishmentsByDisp.get(pick(establishments).dispCode());
            List<Establishment> from = random.nextInt(100) < 75 ? establishmentsByDisp.getOrDefault(company.dispCode(), elsewhere) : elsewhere;
            Establishment first = pick(from);
            Establishment second = pick(from);
            targets[i] = random.nextInt(100) < 20 && second.id() != first.id() ? new long[] {first.id(), second.id()}
                    : new long[] {first.id()};
        } else {
            targets[i] = new long[0];
            department = random.nextInt(100) < 80 ? company.departmentCode() : pick(departments);
        }
        String rejection = status.equals("REJECTED") ? REJECTIONS[random.nextInt(REJECTIONS.length)] : null;
        Instant updated = created.plusSeconds(random.nextInt(30 * 86_400));
        if (updated.isAfter(now)) {
            updated = now;
        }
        row.append(company.id()).append('\t')
                .append(offerType).append('\t')
                .append(job.code()).append('\t')
                .append(title).append('\t')
                .append(description()).append('\t')
                .append(1 + (int) (12 * Math.pow(random.nextDouble(), 3))).append('\t')
                .append(contract).append('\t')
                .append(inEstablishments ? "25.0" : random.nextInt(4) == 0 ? "24.0" : "35.0").append('\t')
                .append("\\N\t")
                .append(department == null ? "\\N" : department).append('\t')
                .append(start).append('\t')
                .append(end == null ? "\\N" : end.toString()).append('\t')
                .append(source).append('\t')
                .append(company.contactId() == 0 || random.nextInt(100) < 20 ? "\\N" : String.valueOf(company.contactId())).append('\t')
                .append(status).append('\t')
                .append(rejection == null ? "\\N" : rejection).append('\t')
                .append("OTHER".equals(rejection) ? "Le poste relève d’une agence d’intérim partenaire." : "\\N").append('\t')
                .append(updated).append('\t')
                .append(created).append('\t')
                .append(updated).append('\n');
    }

    /** Pending and open offers are recent (90 days without news from the company expire them); older ones ended. */
    private String status(double age) {
        int draw = random.nextInt(100);
        if (age < 30) {
            return draw < 25 ? "PENDING_VALIDATION" : draw < 85 ? "OPEN" : draw < 90 ? "REJECTED" : draw < 95 ? "FILLED" : "CLOSED";
        }
        if (age < 365) {
            return draw < 35 ? "OPEN" : draw < 60 ? "FILLED" : draw < 75 ? "CLOSED" : draw < 95 ? "EXPIRED" : "REJECTED";
        }
        return draw < 35 ? "FILLED" : draw < 60 ? "CLOSED" : draw < 95 ? "EXPIRED" : "REJECTED";
    }

    private String title(String type, RomeJob job) {
        String title;
        if (type.equals("WORKSHOP_JOBS") || type.equals("SUBCONTRACTING")) {
            title = random.nextInt(100) < 60 ? pick(WORKSHOP_ACTIVITIES) + pick(WORKSHOP_DETAILS)
                    : masculine(job.label()) + pick(WORKSHOP_DETAILS);
        } else if (type.equals("APPRENTICESHIP")) {
            title = masculine(job.label()) + pick(APPRENTICE_SUFFIXES);
        } else {
            title = (random.nextInt(100) < 30 ? job.label() : masculine(job.label())) + pick(JOB_SUFFIXES);
        }
        return title.length() > 120 ? title.substring(0, 120).strip() : title;
    }

    /** "Agent / Agente d'entretien des locaux" → "Agent d'entretien des locaux"; labels without both forms stay. */
    private static String masculine(String label) {
        int slash = label.indexOf(" / ");
        if (slash < 0 || label.substring(0, slash).contains(" ")) {
            return label;
        }
        String rest = label.substring(slash + 3);
        int space = rest.indexOf(' ');
        return label.substring(0, slash) + (space < 0 ? "" : rest.substring(space));
    }

    private String description() {
        var text = new StringBuilder();
        int sentences = 2 + random.nextInt(4);
        for (int i = 0; i < sentences; i++) {
            text.append(i == 0 ? "" : " ").append(pick(SENTENCES));
        }
        return text.toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
