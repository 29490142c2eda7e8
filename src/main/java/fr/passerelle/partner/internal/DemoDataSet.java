package fr.passerelle.partner.internal;

import fr.passerelle.base.DisplayFormats;
import fr.passerelle.partner.CompanyLabel;
import fr.passerelle.partner.CompanySource;
import fr.passerelle.partner.EmailStatus;
import fr.passerelle.partner.EngagementStatus;
import fr.passerelle.partner.EngagementType;
import fr.passerelle.partner.InteractionKind;
import fr.passerelle.partner.PhoneNumbers;
import fr.passerelle.partner.PipelineStage;
import fr.passerelle.partner.internal.DemoGeography.Commune;
import fr.passerelle.partner.internal.DemoGeography.Place;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Generates the demo data set from the reference data and a fixed seed: the same reference data and
 * the same day give the same rows. Nothing here touches the database.
 */
final class DemoDataSet {

    static final long SEED = 20_261_115L;

    /** How many companies each DISP gets; the demo referent's DISP gets {@link #HOME_COMPANIES}. */
    static final Map<String, Integer> COMPANIES_PER_DISP = Map.of(
            "DISP PARIS", 34, "DISP RENNES", 30, "DISP LYON", 30, "DISP MARSEILLE", 26, "DISP LILLE", 26,
            "DISP BORDEAUX", 26, "DISP TOULOUSE", 26, "DISP STRASBOURG", 24, "DSPOM", 18);
    static final int HOME_COMPANIES = 60;
    private static final int OTHER_DISP_COMPANIES = 24;

    record Department(String code, String name, String regionCode, String dispCode) {
    }

    record Establishment(long id, String name, String dispCode, @Nullable String departmentCode) {
    }

    /**
     * @param homeDisp   the demo referent's DISP (DISP DIJON): more companies, all owned by the referent
     * @param referentId the demo referent, when the account exists
     * @param adminId    the demo administrator, when the account exists
     */
    record Reference(List<Department> departments, List<Establishment> establishments, Set<String> nafCodes,
                     String homeDisp, @Nullable Long referentId, @Nullable Long adminId) {
    }

    record CompanyRow(String siret, String legalName, @Nullable String tradeName, String nafCode, DemoSector sector,
                      @Nullable String workforceBracket, String street, String postcode, String commune, String departmentCode,
                      String dispCode, @Nullable String website, List<String> labels, CompanySource source, @Nullable Long ownerId,
                      PipelineStage stage, @Nullable String declinedReason, Instant createdAt) {
    }

    /** {@code company} is the index of the company in {@link Result#companies()}. */
    record ContactRow(int company, String firstName, String lastName, String jobTitle, @Nullable String email,
                      @Nullable String phone, boolean primary, EmailStatus emailStatus, Instant createdAt) {
    }

    record MoveRow(int company, @Nullable PipelineStage from, PipelineStage to, @Nullable String reason, String movedBy,
                   Instant movedAt) {
    }

    record EngagementRow(int company, EngagementType type, EngagementStatus status, LocalDate startDate,
                         @Nullable LocalDate endDate, int headcount, @Nullable String volume, String notes,
                         List<Long> establishmentIds, Instant createdAt) {
    }

    /** {@code contact} is the index of the contact in {@link Result#contacts()}. */
    record InteractionRow(int company, InteractionKind kind, Instant occurredAt, int contact, String summary, String author) {
    }

    /** {@code company} is the index of the company in {@link Result#companies()}, or -1. */
    record TaskRow(String title, LocalDate dueDate, long assigneeId, int company, @Nullable Instant doneAt,
                   String createdBy, Instant createdAt) {
    }

    record Result(List<CompanyRow> companies, List<ContactRow> contacts, List<MoveRow> moves,
                  List<EngagementRow> engagements, List<InteractionRow> interactions, List<TaskRow> tasks) {
    }

    private static final Pattern ALTERNATIVES = Pattern.compile("\\[([^\\]]*)]");
    private static final String REFERENT = "referent";
    private static final String ADMIN = "admin";

    private static final List<String> DECLINED_REASONS = List.of(
            "Pas de besoin de recrutement cette année",
            "Contraintes d’accès à l’établissement jugées trop lourdes",
            "Direction du groupe défavorable pour l’instant",
            "Activité saisonnière incompatible avec les dates de sortie",
            "Site trop éloigné des établissements de la région",
            "Assureur de l’entreprise réticent pour une activité en détention");

    private final Reference reference;
    private final Instant now;
    private final LocalDate today;
    /** Each company draws from its own sequence, so that a change to one leaves the others as they were. */
    private Random random = new Random(SEED);
    private final Set<String> sirets = new HashSet<>();
    private final Set<String> names = new HashSet<>();

    private final List<CompanyRow> companies = new ArrayList<>();
    private final List<ContactRow> contacts = new ArrayList<>();
    private final List<MoveRow> moves = new ArrayList<>();
    private final List<EngagementRow> engagements = new ArrayList<>();
    private final List<InteractionRow> interactions = new ArrayList<>();
    private final List<TaskRow> tasks = new ArrayList<>();

    private DemoDataSet(Reference reference, Instant now) {
        this.reference = reference;
        this.now = now;
        this.today = LocalDate.ofInstant(now, DisplayFormats.PARIS);
    }

    static Result generate(Reference reference, Instant now) {
        var set = new DemoDataSet(reference, now);
        set.generate();
        return new Result(List.copyOf(set.companies), List.copyOf(set.contacts), List.copyOf(set.moves),
                List.copyOf(set.engagements), List.copyOf(set.interactions), List.copyOf(set.tasks));
    }

    /** What one company went through, kept while its rows are generated. */
    private record Story(int index, CompanyRow company, Place place, Commune commune, List<Integer> contacts,
                         List<PipelineStage> path, List<Instant> movedAt, Establishment establishment, String author) {

        Instant reached(PipelineStage stage) {
            int at = path.indexOf(stage);
            return at < 0 ? movedAt.getLast() : movedAt.get(at);
        }

        PipelineStage stageAt(Instant time) {
            PipelineStage stage = path.getFirst();
            for (int i = 0; i < path.size(); i++) {
                if (!movedAt.get(i).isAfter(time)) {
                    stage = path.get(i);
                }
            }
            return stage;
        }
    }

    private void generate() {
        Map<String, List<Department>> departmentsByDisp = new LinkedHashMap<>();
        reference.departments().stream()
                .filter(d -> DemoGeography.place(d.code()).isPresent())
                .sorted(Comparator.comparing(Department::code))
                .forEach(d -> departmentsByDisp.computeIfAbsent(d.dispCode(), k -> new ArrayList<>()).add(d));
        List<String> disps = new ArrayList<>(new TreeSet<>(departmentsByDisp.keySet()));

        int total = disps.stream().mapToInt(this::companiesOf).sum();
        List<DemoSector> sectors = sectorsFor(total);
        List<Story> stories = new ArrayList<>();
        int next = 0;
        for (String disp : disps) {
            for (int i = 0; i < companiesOf(disp); i++) {
                random = sequence(next);
                stories.add(company(sectors.get(next++), disp, departmentsByDisp.get(disp)));
            }
        }
        for (Story story : stories) {
            random = sequence(1_000_000 + story.index());
            engagements(story);
            interactions(story);
        }
        random = sequence(2_000_000);
        tasks(stories);
    }

    private static Random sequence(int number) {
        return new Random(new SplittableRandom(SEED + number).nextLong());
    }

    private int companiesOf(String disp) {
        return disp.equals(reference.homeDisp()) ? HOME_COMPANIES : COMPANIES_PER_DISP.getOrDefault(disp, OTHER_DISP_COMPANIES);
    }

    /** Exactly the sectors' shares of the total, in a random order. */
    private List<DemoSector> sectorsFor(int total) {
        List<DemoSector> sectors = new ArrayList<>();
        for (DemoSector sector : DemoSector.values()) {
            for (int i = 0; i < Math.round(sector.per300 * total / 300.0); i++) {
                sectors.add(sector);
            }
        }
        while (sectors.size() < total) {
            sectors.add(DemoSector.OTHER);
        }
        Collections.shuffle(sectors, random);
        return sectors;
    }

    private Story company(DemoSector sector, String disp, List<Department> departments) {
        Department department = weighted(departments);
        Place place = DemoGeography.place(department.code()).orElseThrow();
        Commune commune = pick(place.communes());
        List<DemoSector.Trade> trades = sector.trades.stream().filter(t -> reference.nafCodes().contains(t.naf())).toList();
        DemoSector.Trade trade = pick(trades.isEmpty() ? sector.trades : trades);

        String surname = pick(DemoNames.SURNAMES);
        String legalName = "";
        String tradeName = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            String brand = expand(pick(trade.names()), surname, place, commune);
            if (chance(trade.tradeNameShare())) {
                legalName = expand(pick(DemoNames.HOLDINGS), surname, place, commune);
                tradeName = brand;
            } else {
                legalName = chance(0.15) ? brand + " " + pick(DemoNames.LEGAL_FORMS) : brand;
                tradeName = null;
            }
            if (names.add(legalName.toLowerCase(Locale.ROOT))) {
                break;
            }
            surname = pick(DemoNames.SURNAMES);
            commune = pick(place.communes());
        }

        PipelineStage stage = stage();
        boolean home = disp.equals(reference.homeDisp());
        String author = home && reference.referentId() != null ? REFERENT : ADMIN;
        Instant created = workingTime(now.minus(Duration.ofDays(stage == PipelineStage.DORMANT ? between(240, 900) : between(40, 720))));
        List<PipelineStage> path = path(stage);
        List<Instant> movedAt = moveTimes(created, path);
        String declinedReason = stage == PipelineStage.DECLINED ? pick(DECLINED_REASONS) : null;

        Set<CompanyLabel> labels = EnumSet.noneOf(CompanyLabel.class);
        labels.addAll(trade.labels());
        if (chance(0.08)) {
            labels.add(CompanyLabel.INCLUSIVE_COMPANY);
        }
        if (chance(0.02)) {
            labels.add(CompanyLabel.ADAPTED_COMPANY);
        }
        if (chance(0.03)) {
            labels.add(CompanyLabel.SOCIAL_ECONOMY);
        }
        // RFC 2606 reserves ".example": a demo address can never reach a real company, whatever mail server is configured.
        String domain = DemoNames.slug(tradeName != null ? tradeName : legalName) + ".example";
        var row = new CompanyRow(siret(), legalName, tradeName, trade.naf(), sector, workforceBracket(sector),
                street(), commune.postcode(), commune.name(), department.code(), disp,
                chance(0.6) ? "https://www." + domain : null, labels.stream().map(Enum::name).sorted().toList(),
                source(stage), home ? reference.referentId() : null, stage, declinedReason, created);
        int index = companies.size();
        companies.add(row);

        for (int i = 0; i < path.size(); i++) {
            moves.add(new MoveRow(index, i == 0 ? null : path.get(i - 1), path.get(i),
                    path.get(i) == PipelineStage.DECLINED ? declinedReason : null, author, movedAt.get(i)));
        }
        List<Integer> people = contacts(index, row, department, domain, stage);
        return new Story(index, row, place, commune, people, path, movedAt, establishment(disp, department.code()), author);
    }

    private PipelineStage stage() {
        int roll = random.nextInt(100);
        if (roll < 30) {
            return PipelineStage.PROSPECT;
        }
        if (roll < 50) {
            return PipelineStage.CONTACTED;
        }
        if (roll < 66) {
            return PipelineStage.IN_DISCUSSION;
        }
        if (roll < 88) {
            return PipelineStage.PARTNER;
        }
        return roll < 94 ? PipelineStage.DORMANT : PipelineStage.DECLINED;
    }

    /** A plausible way from PROSPECT to the stage. */
    private List<PipelineStage> path(PipelineStage stage) {
        var p = PipelineStage.PROSPECT;
        var c = PipelineStage.CONTACTED;
        var d = PipelineStage.IN_DISCUSSION;
        return switch (stage) {
            case PROSPECT -> List.of(p);
            case CONTACTED -> List.of(p, c);
            case IN_DISCUSSION -> List.of(p, c, d);
            case PARTNER -> List.of(p, c, d, PipelineStage.PARTNER);
            case DORMANT -> chance(0.7) ? List.of(p, c, d, PipelineStage.PARTNER, stage) : List.of(p, c, stage);
            case DECLINED -> chance(0.5) ? List.of(p, c, stage) : List.of(p, c, d, stage);
        };
    }

    /** The first move when the company was entered, the others in order up to two days ago (dormant ones long ago). */
    private List<Instant> moveTimes(Instant created, List<PipelineStage> path) {
        boolean dormant = path.getLast() == PipelineStage.DORMANT;
        Instant until = now.minus(Duration.ofDays(dormant ? 75 : 2));
        long span = Math.max(Duration.between(created, until).toMinutes(), path.size());
        List<Instant> times = new ArrayList<>();
        times.add(created);
        List<Long> offsets = new ArrayList<>();
        for (int i = 1; i < path.size(); i++) {
            offsets.add(1 + (long) (random.nextDouble() * (span - 1) * (dormant ? 0.7 : 1)));
        }
        Collections.sort(offsets);
        if (dormant) {
            // Quiet for a while before anyone calls it dormant.
            offsets.set(offsets.size() - 1, (long) (span * (0.85 + 0.15 * random.nextDouble())));
        }
        for (long offset : offsets) {
            Instant at = workingTime(created.plus(Duration.ofMinutes(offset)));
            times.add(at.isAfter(times.getLast()) ? at : times.getLast().plus(Duration.ofHours(2)));
        }
        return times;
    }

    private CompanySource source(PipelineStage stage) {
        int roll = random.nextInt(100);
        if (stage == PipelineStage.PROSPECT) {
            return roll < 40 ? CompanySource.IMPORT : roll < 50 ? CompanySource.CAMPAIGN : CompanySource.MANUAL;
        }
        return roll < 20 ? CompanySource.IMPORT : roll < 27 ? CompanySource.PORTAL : roll < 32 ? CompanySource.CAMPAIGN : CompanySource.MANUAL;
    }

    private @Nullable String workforceBracket(DemoSector sector) {
        if (chance(0.04)) {
            return null;
        }
        List<String> brackets = switch (sector) {
            case CONSTRUCTION -> List.of("02", "03", "11", "11", "12", "12", "21", "22", "31");
            case LOGISTICS -> List.of("11", "12", "21", "21", "22", "31", "32", "41");
            case HOSPITALITY_CATERING -> List.of("01", "02", "03", "03", "11", "11", "12", "21");
            case ENVIRONMENT -> List.of("11", "12", "21", "22", "31", "41");
            case OTHER -> List.of("02", "03", "11", "12", "21", "22", "31", "41", "42");
        };
        return pick(brackets);
    }

    /** A valid SIRET; the SIREN starts with 3 to 8 (the benchmark's start with 9). */
    private String siret() {
        while (true) {
            int nic = random.nextInt(10) < 8 ? 1 + random.nextInt(3) : 1 + random.nextInt(99);
            int siren = 30_000_000 + random.nextInt(60_000_000);
            if (siren == 35_600_000) {
                continue;
            }
            String siret = SiretGenerator.siret(siren, nic);
            if (sirets.add(siret)) {
                return siret;
            }
        }
    }

    private String street() {
        String street = (1 + random.nextInt(120)) + " " + pick(DemoNames.STREETS);
        return chance(0.25) ? pick(DemoNames.BUSINESS_PARKS) + ", " + street : street;
    }

    private List<Integer> contacts(int company, CompanyRow row, Department department, String domain, PipelineStage stage) {
        int count = stage == PipelineStage.PROSPECT ? (chance(0.7) ? 1 : 2) : 1 + random.nextInt(3);
        List<Integer> people = new ArrayList<>();
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < count; i++) {
            boolean woman = random.nextBoolean();
            String firstName = pick(woman ? DemoNames.WOMEN : DemoNames.MEN);
            String lastName = pick(DemoNames.SURNAMES);
            if (lastName.equals(firstName)) {
                lastName = "Garnier";
            }
            String titles = i == 0 ? pick(DemoNames.LEADER_TITLES)
                    : chance(0.6) ? pick(row.sector().fieldTitles) : pick(DemoNames.STAFF_TITLES);
            String title = titles.split("\\|")[woman ? 1 : 0];
            String email = null;
            int roll = random.nextInt(100);
            if (roll < 80) {
                email = DemoNames.plain(firstName) + "." + DemoNames.plain(lastName) + "@" + domain;
            } else if (roll < 95) {
                email = DemoNames.plain(firstName).charAt(0) + "." + DemoNames.plain(lastName) + "@" + domain;
            }
            if (email != null && !emails.add(email)) {
                email = null;
            }
            String phone = phone(department, i == 0 ? 70 : 20, i == 0 ? 100 : 80);
            EmailStatus status = EmailStatus.ACTIVE;
            if (email != null) {
                int statusRoll = random.nextInt(100);
                status = statusRoll < 3 ? EmailStatus.UNSUBSCRIBED : statusRoll < 5 ? EmailStatus.BOUNCED : EmailStatus.ACTIVE;
            }
            people.add(contacts.size());
            contacts.add(new ContactRow(company, firstName, lastName, title, email, phone, i == 0, status,
                    row.createdAt().plus(Duration.ofMinutes(i * 7L))));
        }
        return people;
    }

    /** A landline below {@code landline} percent, a mobile below {@code any}, else no phone; stored in E.164. */
    private @Nullable String phone(Department department, int landline, int any) {
        int roll = random.nextInt(100);
        if (roll >= any) {
            return null;
        }
        String prefix = roll < landline ? DemoGeography.landlinePrefix(department.code(), department.regionCode())
                : DemoGeography.mobilePrefix(department.code(), random.nextBoolean());
        var national = new StringBuilder(prefix);
        while (national.length() < 10) {
            national.append(national.length() == prefix.length() ? 1 + random.nextInt(9) : random.nextInt(10));
        }
        return PhoneNumbers.normalise(national.toString()).orElseThrow();
    }

    /** An establishment of the DISP, in the company's department when there is one. */
    private Establishment establishment(String disp, String departmentCode) {
        List<Establishment> ofDisp = reference.establishments().stream().filter(e -> e.dispCode().equals(disp)).toList();
        List<Establishment> near = ofDisp.stream().filter(e -> departmentCode.equals(e.departmentCode())).toList();
        if (!near.isEmpty() && chance(0.8)) {
            return pick(near);
        }
        return ofDisp.isEmpty() ? pick(reference.establishments()) : pick(ofDisp);
    }

    private void engagements(Story story) {
        CompanyRow company = story.company();
        List<EngagementType> types = new ArrayList<>(company.sector().engagementTypes);
        switch (company.stage()) {
            case PARTNER -> {
                LocalDate partner = date(story.reached(PipelineStage.PARTNER));
                LocalDate start = min(partner.plusDays(between(0, 40)), today);
                EngagementType first = pick(types);
                engagement(story, first, start, null);
                types.removeIf(first::equals);
                if (chance(0.4) && !types.isEmpty()) {
                    LocalDate second = chance(0.5) ? today.plusDays(between(10, 90)) : partner.minusDays(between(0, 60));
                    engagement(story, pick(types), second, null);
                }
            }
            case DORMANT -> {
                LocalDate from = date(story.reached(story.path().contains(PipelineStage.PARTNER) ? PipelineStage.PARTNER : PipelineStage.CONTACTED));
                LocalDate until = date(story.reached(PipelineStage.DORMANT));
                LocalDate start = min(from.plusDays(between(0, 30)), until);
                LocalDate end = min(start.plusDays(between(30, 300)), until);
                engagement(story, pick(types), start, end);
            }
            case IN_DISCUSSION -> {
                if (chance(0.3)) {
                    engagement(story, pick(types), today.plusDays(between(14, 120)), null);
                }
            }
            default -> {
            }
        }
        boolean producesInPrison = engagements.stream()
                .filter(e -> e.company() == story.index())
                .anyMatch(e -> (e.type() == EngagementType.WORKSHOP || e.type() == EngagementType.SUBCONTRACTING)
                        && (e.status() == EngagementStatus.ACTIVE || e.status() == EngagementStatus.ENDED));
        if (producesInPrison && chance(0.6) && !company.labels().contains(CompanyLabel.PRODUIT_EN_PRISON.name())) {
            List<String> labels = new ArrayList<>(company.labels());
            labels.add(CompanyLabel.PRODUIT_EN_PRISON.name());
            Collections.sort(labels);
            companies.set(story.index(), withLabels(company, labels));
        }
    }

    private void engagement(Story story, EngagementType type, LocalDate start, @Nullable LocalDate endBefore) {
        DemoSector sector = story.company().sector();
        LocalDate end = switch (type) {
            case AWARENESS_EVENT -> start;
            case APPRENTICESHIP -> start.plusYears(chance(0.5) ? 1 : 2);
            case WORKSHOP, SUBCONTRACTING -> chance(0.5) ? null : start.plusYears(between(1, 3));
            case POST_RELEASE_HIRING -> chance(0.7) ? null : start.plusMonths(6);
        };
        if (endBefore != null) {
            end = endBefore;
        }
        EngagementStatus status = start.isAfter(today) ? EngagementStatus.PLANNED
                : end != null && end.isBefore(today) ? EngagementStatus.ENDED : EngagementStatus.ACTIVE;
        if (status == EngagementStatus.PLANNED && chance(0.1)) {
            status = EngagementStatus.CANCELLED;
        }
        String job = pick(sector.jobs);
        int headcount = switch (type) {
            case WORKSHOP -> between(6, 20);
            case SUBCONTRACTING -> between(4, 12);
            case POST_RELEASE_HIRING -> between(1, 4);
            case APPRENTICESHIP -> between(1, 3);
            case AWARENESS_EVENT -> between(8, 15);
        };
        String volume = switch (type) {
            case WORKSHOP -> between(10, 35) + " heures de travail par semaine et par poste";
            case SUBCONTRACTING -> between(2, 40) + " 000 pièces par mois";
            default -> null;
        };
        String notes = switch (type) {
            case WORKSHOP -> "Atelier en concession : " + activity(sector) + ".";
            case SUBCONTRACTING -> "Sous-traitance au service de l’emploi pénitentiaire : " + activity(sector) + ".";
            case POST_RELEASE_HIRING -> "Embauche à la sortie : postes " + of(job) + ", CDD de six mois puis CDI.";
            case APPRENTICESHIP -> "Contrat d’apprentissage avec le CFA " + story.place().ofArea() + " : " + job + ".";
            case AWARENESS_EVENT -> "Job dating et présentation des métiers " + sector.ofSector + " aux personnes détenues.";
        };
        List<Long> establishments = new ArrayList<>(List.of(story.establishment().id()));
        if (chance(0.1)) {
            long other = establishment(story.company().dispCode(), "").id();
            if (!establishments.contains(other)) {
                establishments.add(other);
            }
        }
        Instant created = min(max(start.minusDays(between(10, 40)).atTime(LocalTime.of(10, 0)).atZone(DisplayFormats.PARIS).toInstant(),
                story.company().createdAt()), now);
        engagements.add(new EngagementRow(story.index(), type, status, start, end, headcount, volume, notes,
                List.copyOf(establishments), created));
    }

    private static String activity(DemoSector sector) {
        return switch (sector) {
            case CONSTRUCTION -> "assemblage de kits de plomberie et préfabrication d’éléments de coffrage";
            case LOGISTICS -> "préparation de commandes et reconditionnement de colis";
            case HOSPITALITY_CATERING -> "conditionnement de produits d’accueil pour l’hôtellerie";
            case ENVIRONMENT -> "démantèlement de petits appareils électriques (DEEE) et tri de matières";
            case OTHER -> "conditionnement et assemblage de pièces";
        };
    }

    private void interactions(Story story) {
        Instant yearAgo = now.minus(Duration.ofDays(365));
        // The moves the referent made with the company, each with what happened.
        for (int i = 1; i < story.path().size(); i++) {
            Instant at = story.movedAt().get(i);
            if (at.isAfter(yearAgo)) {
                PipelineStage to = story.path().get(i);
                interaction(story, at, moveKind(to), moveSummary(to, story));
            }
        }
        PipelineStage stage = story.company().stage();
        if (stage == PipelineStage.PROSPECT) {
            return;
        }
        Instant from = max(yearAgo, story.reached(PipelineStage.CONTACTED));
        Instant until = stage == PipelineStage.DORMANT || stage == PipelineStage.DECLINED
                ? story.movedAt().getLast().minus(Duration.ofHours(1))
                : now.minus(Duration.ofHours(3));
        int extra = switch (stage) {
            case CONTACTED -> between(0, 2);
            case IN_DISCUSSION -> between(1, 3);
            case PARTNER -> between(2, 5);
            case DORMANT -> between(0, 2);
            default -> between(0, 1);
        };
        long span = Duration.between(from, until).toMinutes();
        if (span <= 60) {
            return;
        }
        for (int i = 0; i < extra; i++) {
            Instant at = workingTime(from.plus(Duration.ofMinutes((long) (random.nextDouble() * span))));
            if (at.isBefore(from) || at.isAfter(now)) {
                continue;
            }
            Summary summary = pick(summaries(story.stageAt(at)));
            interaction(story, at, summary.kind(), summary.text());
        }
    }

    private record Summary(InteractionKind kind, String text) {
    }

    private static InteractionKind moveKind(PipelineStage to) {
        return switch (to) {
            case IN_DISCUSSION, PARTNER -> InteractionKind.MEETING;
            default -> InteractionKind.CALL;
        };
    }

    private String moveSummary(PipelineStage to, Story story) {
        return switch (to) {
            case CONTACTED -> chance(0.7)
                    ? "Premier appel avec {contact} : présentation de l’insertion professionnelle en détention et des aides à l’embauche."
                    : "Premier échange avec {contact} après la campagne de sensibilisation : intéressé(e) par un rendez-vous.";
            case IN_DISCUSSION -> "Premier rendez-vous avec {contact} : intérêt pour l’embauche {ofJobs} à la sortie.";
            case PARTNER -> "Signature de la convention de partenariat avec {contact}.";
            case DORMANT -> "Plus de besoin pour l’instant ; {contact} souhaite être recontacté(e) l’an prochain.";
            case DECLINED -> "Retour négatif de {contact} : " + lowerFirst(String.valueOf(story.company().declinedReason())) + ".";
            case PROSPECT -> "Entreprise remise en prospection.";
        };
    }

    private static List<Summary> summaries(PipelineStage phase) {
        return switch (phase) {
            case IN_DISCUSSION -> List.of(
                    new Summary(InteractionKind.MEETING, "Rendez-vous dans les locaux de l’entreprise avec {contact} : besoins en {jobs}, conditions d’accueil des sortants."),
                    new Summary(InteractionKind.MEETING, "Réunion avec la fédération professionnelle et {contact} pour préparer une session « Un métier, une Chance »."),
                    new Summary(InteractionKind.ESTABLISHMENT_VISIT, "Visite de {establishment} avec {contact} : ateliers, zone de stockage et quai de chargement."),
                    new Summary(InteractionKind.EMAIL, "Envoi du projet de convention pour relecture par le service juridique de l’entreprise."),
                    new Summary(InteractionKind.CALL, "Point téléphonique avec {contact} : horaires, nombre de postes {ofJobs} et accès à l’établissement."),
                    new Summary(InteractionKind.EMAIL, "{contact} demande les profils anonymisés des candidats de la promotion en cours."));
            case PARTNER -> List.of(
                    new Summary(InteractionKind.EVENT, "Job dating à {establishment} : {contact} a rencontré huit candidats, trois entretiens retenus."),
                    new Summary(InteractionKind.EVENT, "Intervention de {contact} devant une promotion de {establishment} sur les métiers {sector}."),
                    new Summary(InteractionKind.CALL, "Point mensuel avec {contact} : deux salariés recrutés à la sortie toujours en poste."),
                    new Summary(InteractionKind.MEETING, "Bilan de l’année avec {contact} : reconduction du partenariat et nouveaux besoins en {jobs}."),
                    new Summary(InteractionKind.ESTABLISHMENT_VISIT, "Visite de l’atelier à {establishment} avec {contact} et le responsable local du travail pénitentiaire."),
                    new Summary(InteractionKind.EMAIL, "Envoi des dates de sortie prévues au prochain trimestre ; {contact} propose des entretiens."),
                    new Summary(InteractionKind.EVENT, "Forum emploi-sortie organisé avec le SPIP : stand de l’entreprise et deux promesses d’embauche."));
            default -> List.of(
                    new Summary(InteractionKind.CALL, "Appel de suivi : {contact} souhaite en savoir plus sur l’embauche de personnes en fin de peine."),
                    new Summary(InteractionKind.EMAIL, "Envoi de la plaquette « Travailler avec les établissements pénitentiaires » et du calendrier des promotions."),
                    new Summary(InteractionKind.EMAIL, "Relance écrite : en attente d’une date de rendez-vous avec la direction."),
                    new Summary(InteractionKind.CALL, "Relance téléphonique : pas de besoin immédiat, à rappeler au prochain trimestre."),
                    new Summary(InteractionKind.EMAIL, "Transmission des aides à l’embauche mobilisables (accompagnement France Travail, contrats aidés)."));
        };
    }

    private void interaction(Story story, Instant at, InteractionKind kind, String template) {
        int contact = chance(0.7) ? story.contacts().getFirst() : pick(story.contacts());
        ContactRow person = contacts.get(contact);
        String jobs = pick(story.company().sector().jobs);
        String text = template
                .replace("{contact}", person.firstName() + " " + person.lastName())
                .replace("{ofJobs}", of(jobs))
                .replace("{jobs}", jobs)
                .replace("{sector}", story.company().sector().ofSector)
                .replace("{establishment}", story.establishment().name());
        interactions.add(new InteractionRow(story.index(), kind, at, contact, text, story.author()));
    }

    private void tasks(List<Story> stories) {
        Long referent = reference.referentId();
        if (referent != null) {
            List<Story> active = new ArrayList<>(stories.stream()
                    .filter(s -> s.company().dispCode().equals(reference.homeDisp()))
                    .filter(s -> EnumSet.of(PipelineStage.CONTACTED, PipelineStage.IN_DISCUSSION, PipelineStage.PARTNER)
                            .contains(s.company().stage()))
                    .toList());
            Collections.shuffle(active, random);
            List<String> titles = List.of(
                    "Rappeler {contact} ({company}) pour fixer la visite de {establishment}",
                    "Envoyer la convention d’atelier à {company}",
                    "Relancer {company} : devis de sous-traitance",
                    "Préparer le job dating de {establishment} avec {company}",
                    "Transmettre les profils de la promotion à {company}",
                    "Faire le point à six mois sur les embauches chez {company}",
                    "Organiser une intervention de {company} auprès de la promotion",
                    "Mettre à jour les coordonnées du contact RH de {company}",
                    "Confirmer avec {contact} les postes ouverts à la sortie ({company})");
            int[][] plan = {{6, -20, -1, 0}, {6, 0, 6, 0}, {6, 7, 45, 0}, {8, -60, -1, 1}};
            int next = 0;
            for (int[] group : plan) {
                for (int i = 0; i < group[0] && next < active.size(); i++) {
                    Story story = active.get(next++);
                    task(title(pick(titles), story), today.plusDays(between(group[1], group[2])), referent, story, group[3] == 1, REFERENT);
                }
            }
            task("Préparer le bilan trimestriel des partenariats de la DISP", today.plusDays(between(2, 6)), referent, null, false, REFERENT);
        }
        Long admin = reference.adminId();
        if (admin != null) {
            List<Story> others = stories.stream()
                    .filter(s -> !s.company().dispCode().equals(reference.homeDisp()))
                    .filter(s -> s.company().stage() == PipelineStage.PARTNER)
                    .toList();
            task("Consolider les partenaires par DISP pour le comité national", today.minusDays(between(1, 10)), admin, null, false, ADMIN);
            task("Préparer la campagne de sensibilisation des entreprises de la logistique", today.plusDays(between(1, 6)), admin, null, false, ADMIN);
            if (!others.isEmpty()) {
                Story open = pick(others);
                task(title("Relancer {company} sur la convention nationale", open), today.plusDays(between(8, 30)), admin, open, false, ADMIN);
                Story done = pick(others);
                task(title("Vérifier les doublons de SIRET signalés pour {company}", done), today.minusDays(between(5, 30)), admin, done, true, ADMIN);
            }
        }
    }

    private String title(String template, Story story) {
        ContactRow primary = contacts.get(story.contacts().getFirst());
        return template
                .replace("{company}", story.company().tradeName() != null ? story.company().tradeName() : story.company().legalName())
                .replace("{contact}", primary.firstName() + " " + primary.lastName())
                .replace("{establishment}", story.establishment().name());
    }

    private void task(String title, LocalDate due, long assignee, @Nullable Story story, boolean done, String createdBy) {
        Instant created = max(due.minusDays(between(5, 30)).atTime(LocalTime.of(9, 30)).atZone(DisplayFormats.PARIS).toInstant(),
                story == null ? now.minus(Duration.ofDays(60)) : story.company().createdAt());
        if (created.isAfter(now)) {
            created = workingTime(now.minus(Duration.ofDays(between(1, 5))));
        }
        Instant doneAt = null;
        if (done) {
            doneAt = min(max(due.minusDays(between(0, 2)).atTime(LocalTime.of(16, 0)).atZone(DisplayFormats.PARIS).toInstant(), created), now);
        }
        tasks.add(new TaskRow(title, due, assignee, story == null ? -1 : story.index(), doneAt, createdBy, created));
    }

    private String expand(String template, String surname, Place place, Commune commune) {
        Matcher alternatives = ALTERNATIVES.matcher(template);
        var text = new StringBuilder();
        while (alternatives.find()) {
            alternatives.appendReplacement(text, Matcher.quoteReplacement(pick(List.of(alternatives.group(1).split("\\|")))));
        }
        alternatives.appendTail(text);
        String other = pick(DemoNames.SURNAMES);
        return text.toString()
                .replace("{name2}", other.equals(surname) ? "Martin" : other)
                .replace("{name}", surname)
                .replace("{ofTown}", DemoGeography.of(commune.name()))
                .replace("{town}", commune.name())
                .replace("{ofArea}", place.ofArea())
                .replace("{area}", place.area());
    }

    private static CompanyRow withLabels(CompanyRow c, List<String> labels) {
        return new CompanyRow(c.siret(), c.legalName(), c.tradeName(), c.nafCode(), c.sector(), c.workforceBracket(), c.street(),
                c.postcode(), c.commune(), c.departmentCode(), c.dispCode(), c.website(), List.copyOf(labels), c.source(),
                c.ownerId(), c.stage(), c.declinedReason(), c.createdAt());
    }

    /** The same moment moved to a weekday between 8:30 and 18:00, Paris time, never in the future. */
    private Instant workingTime(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, DisplayFormats.PARIS);
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
            day = day.minusDays(1);
        } else if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.minusDays(2);
        }
        Instant at = day.atTime(LocalTime.of(8, 30).plusMinutes(random.nextInt(9 * 60 + 30)))
                .atZone(DisplayFormats.PARIS).toInstant();
        Instant earlierToday = now.minus(Duration.ofMinutes(5 + random.nextInt(120)));
        return at.isAfter(now) ? earlierToday : at;
    }

    private LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, DisplayFormats.PARIS);
    }

    private Department weighted(List<Department> departments) {
        int total = departments.stream().mapToInt(d -> DemoGeography.place(d.code()).orElseThrow().weight()).sum();
        int roll = random.nextInt(total);
        for (Department department : departments) {
            roll -= DemoGeography.place(department.code()).orElseThrow().weight();
            if (roll < 0) {
                return department;
            }
        }
        return departments.getLast();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    private int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    /** "de maçons", "d’électriciens". */
    private static String of(String jobs) {
        return "aeiouéèêh".indexOf(jobs.charAt(0)) >= 0 ? "d’" + jobs : "de " + jobs;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
