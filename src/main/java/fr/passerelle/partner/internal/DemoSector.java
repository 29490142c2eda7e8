package fr.passerelle.partner.internal;

import fr.passerelle.partner.CompanyLabel;
import fr.passerelle.partner.EngagementType;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The sectors of the demo companies: the four in shortage that "Un métier, une Chance" presents
 * (construction, logistics, hospitality-catering, environment) and the others that work with prisons
 * (manufacturing, packaging, cleaning, retail…). Each trade has its real NAF code and name patterns:
 * {@code [a|b]} picks one, {@code {name}} a surname, {@code {town}} / {@code {ofTown}} the commune,
 * {@code {area}} / {@code {ofArea}} the department's area.
 */
enum DemoSector {

    CONSTRUCTION(75, "du BTP",
            List.of(
                    trade("41.20A", 0, "Maisons {name}", "Constructions {name} & Fils", "Les Maisons {ofArea}", "{name} Habitat"),
                    trade("41.20B", 0.2, "Bâtiments {name} & Fils", "{name} Bâtiment", "Entreprise Générale {name}", "Bâtir {ofArea}", "{name} Construction"),
                    trade("43.99C", 0, "Maçonnerie {name}", "{name} Frères Maçonnerie", "Gros Œuvre {name}", "Maçonnerie Générale {ofTown}"),
                    trade("43.21A", 0, "Électricité Générale {name}", "{name} Électricité", "Électricité {name} et Associés", "Réseaux Électriques {ofArea}"),
                    trade("43.22A", 0, "Plomberie Chauffage {name}", "{name} Sanitaire Chauffage", "Thermique {ofArea}", "Génie Climatique {name}"),
                    trade("43.91B", 0, "Couverture Zinguerie {name}", "Charpente Couverture {name}", "Les Toits {ofTown}"),
                    trade("43.32A", 0, "Menuiseries {name}", "Menuiserie {name} Père & Fils", "Fenêtres et Fermetures {ofArea}"),
                    trade("43.31Z", 0, "Plâtrerie {name}", "Plâtre et Isolation {name}", "Cloisons Sèches {ofArea}"),
                    trade("43.34Z", 0, "Peinture {name}", "Décors et Peinture {name}", "Façades {ofArea}", "Ravalement {name}"),
                    trade("42.11Z", 0, "Routes et Travaux Publics {ofArea}", "TP {name}", "Terrassements {name}", "Enrobés {ofArea}"),
                    trade("42.21Z", 0, "Canalisations {ofArea}", "Réseaux et Canalisations {name}", "Hydraulique {name} TP", "Adduction d’Eau {ofArea}")),
            List.of("maçons", "coffreurs-bancheurs", "électriciens", "plombiers", "canalisateurs", "manœuvres", "couvreurs"),
            List.of("Conducteur de travaux|Conductrice de travaux", "Chef de chantier|Cheffe de chantier",
                    "Responsable d’exploitation|Responsable d’exploitation"),
            List.of(EngagementType.POST_RELEASE_HIRING, EngagementType.POST_RELEASE_HIRING, EngagementType.APPRENTICESHIP,
                    EngagementType.AWARENESS_EVENT, EngagementType.SUBCONTRACTING)),

    LOGISTICS(54, "de la logistique",
            List.of(
                    trade("49.41A", 0, "Transports {name}", "Transports {name} Logistique", "{name} Transports Frigorifiques",
                            "Transports Routiers {ofArea}", "Groupe {name} Transports"),
                    trade("49.41B", 0, "Fret Express {town}", "Livraisons {name}", "{name} Messagerie Régionale"),
                    trade("49.42Z", 0, "Déménagements {name}", "{name} Déménagement Services"),
                    trade("52.10B", 0, "Logistique {ofArea}", "Entrepôts {name}", "Plateforme Logistique {ofTown}", "Stockage et Services {name}"),
                    trade("52.24B", 0, "Manutention {name}", "Quai Services {area}"),
                    trade("52.29A", 0, "Affrètement {name}", "{area} Logistique Internationale", "Transit {name}")),
            List.of("caristes", "préparateurs de commandes", "chauffeurs poids lourd", "magasiniers", "agents de quai"),
            List.of("Responsable d’exploitation|Responsable d’exploitation", "Responsable logistique|Responsable logistique",
                    "Directeur de site|Directrice de site", "Responsable d’entrepôt|Responsable d’entrepôt"),
            List.of(EngagementType.SUBCONTRACTING, EngagementType.POST_RELEASE_HIRING, EngagementType.POST_RELEASE_HIRING,
                    EngagementType.WORKSHOP, EngagementType.AWARENESS_EVENT)),

    HOSPITALITY_CATERING(54, "de l’hôtellerie-restauration",
            List.of(
                    trade("56.10A", 0.4, "[Restaurant|Brasserie|Bistrot|Auberge] [Le Petit Marché|La Bonne Table|Le Comptoir des Halles|L’Escale|"
                            + "Le Cheval Blanc|Le Lion d’Or|La Fontaine|Les Tilleuls|La Marmite|Le Relais Gourmand|L’Atelier du Goût|"
                            + "Les Saveurs du Marché|Le Vieux Moulin|La Cour Pavée|Le Jardin d’Hiver|La Table du Chef|Les Terrasses|"
                            + "L’Épicurien|La Cocotte|Le Quai|La Pergola|Le Saint-Georges|La Belle Époque|Le Pressoir|Le Cellier]",
                            "Brasserie du Théâtre {ofTown}", "La Table {ofArea}", "Restaurant Le Relais {ofTown}"),
                    trade("56.10C", 0.3, "[Crêperie|Pizzeria] [du Port|du Marché|de la Place|des Halles] {ofTown}", "Le Snack {ofTown}",
                            "Comptoir Gourmand {ofTown}"),
                    trade("55.10Z", 0.3, "Hôtel [du Commerce|de la Gare|des Voyageurs|de France|du Centre|de la Poste|du Parc|des Remparts|"
                            + "Le Cèdre|Les Glycines|Beau Site] {ofTown}", "Grand Hôtel {ofTown}", "Hôtel-Restaurant [Les Remparts|La Clé d’Or|"
                            + "Le Moulin|Les Platanes|Le Relais] {ofTown}"),
                    trade("56.21Z", 0, "Traiteur {name}", "{name} Réceptions", "Saveurs et Réceptions {ofArea}"),
                    trade("56.29A", 0, "Restauration Collective {ofArea}", "Cuisine Centrale {ofTown}", "{area} Restauration Scolaire"),
                    trade("56.30Z", 0.3, "Café des Sports {ofTown}", "Le Bar du Marché {ofTown}")),
            List.of("commis de cuisine", "plongeurs", "serveurs", "employés d’étage", "cuisiniers", "réceptionnistes"),
            List.of("Chef de cuisine|Cheffe de cuisine", "Directeur d’hôtel|Directrice d’hôtel", "Responsable de salle|Responsable de salle"),
            List.of(EngagementType.POST_RELEASE_HIRING, EngagementType.POST_RELEASE_HIRING, EngagementType.APPRENTICESHIP,
                    EngagementType.AWARENESS_EVENT)),

    ENVIRONMENT(42, "de l’environnement",
            List.of(
                    trade("38.32Z", 0, "Recyclage Vert {area}", "{name} Recyclage", "Récupération Métaux {name}", "Tri Services {area}"),
                    trade("38.32Z", 0, Set.of(CompanyLabel.SOCIAL_ECONOMY), "Ressourcerie {ofTown}", "Recyclerie {ofArea}"),
                    trade("38.11Z", 0, "Collecte {area} Environnement", "{name} Propreté Urbaine", "Environnement Services {ofTown}"),
                    trade("38.21Z", 0, "Valorisation des Déchets {ofArea}", "Centre de Tri {ofTown}", "Compostage {ofArea}"),
                    trade("81.30Z", 0, "Paysages {name}", "Espaces Verts {name}", "Jardins {ofArea}", "{name} Paysagiste", "Entretien Nature {ofTown}"),
                    trade("37.00Z", 0, "Assainissement {name}", "Eaux et Réseaux {ofArea}"),
                    trade("39.00Z", 0, "Dépollution Services {ofArea}", "Désamiantage {name}")),
            List.of("agents de tri", "jardiniers paysagistes", "agents de collecte", "ripeurs", "valoristes"),
            List.of("Responsable d’exploitation|Responsable d’exploitation", "Chef d’équipe espaces verts|Cheffe d’équipe espaces verts",
                    "Directeur de centre de tri|Directrice de centre de tri"),
            List.of(EngagementType.POST_RELEASE_HIRING, EngagementType.WORKSHOP, EngagementType.AWARENESS_EVENT,
                    EngagementType.SUBCONTRACTING)),

    OTHER(75, "de l’industrie et des services",
            List.of(
                    trade("16.23Z", 0, "Charpentes Industrielles {name}", "Menuiserie Industrielle {ofArea}"),
                    trade("25.62B", 0, "Mécanique de Précision {name}", "Usinage {name}", "{name} Mécanique Industrielle"),
                    trade("22.29A", 0, "Plastiques {ofArea}", "Injection Plastique {name}"),
                    trade("18.12Z", 0, "Imprimerie {name}", "Imprimerie {ofTown}"),
                    trade("31.09B", 0, "Ateliers {name} Ameublement", "Meubles {name}"),
                    trade("82.92Z", 0, "Conditionnement {area} Services", "{name} Emballage et Conditionnement", "Façonnage et Routage {ofTown}"),
                    trade("10.71C", 0, "Boulangerie {name}", "Fournil {ofTown}"),
                    trade("10.13A", 0, "Salaisons {ofArea}", "Charcuterie {name}"),
                    trade("81.21Z", 0, "Propreté {name}", "Nettoyage {area} Services", "{name} Multiservices"),
                    trade("81.22Z", 0, "Nettoyage Industriel {name}"),
                    trade("47.52A", 0, "Quincaillerie {name}", "Bricolage {name}"),
                    trade("45.20A", 0, "Garage {name}", "Garage du Centre {ofTown}"),
                    trade("33.12Z", 0, "Maintenance Industrielle {name}"),
                    trade("01.13Z", 0, Set.of(CompanyLabel.SOCIAL_ECONOMY), "Jardins de Cocagne {ofTown}", "Maraîchage Solidaire {ofArea}"),
                    trade("13.92Z", 0, "Textiles {ofArea}", "Confection {name}")),
            List.of("opérateurs de production", "agents de conditionnement", "agents de propreté", "soudeurs", "menuisiers"),
            List.of("Responsable de production|Responsable de production", "Directeur industriel|Directrice industrielle",
                    "Responsable d’atelier|Responsable d’atelier"),
            List.of(EngagementType.WORKSHOP, EngagementType.WORKSHOP, EngagementType.SUBCONTRACTING, EngagementType.SUBCONTRACTING,
                    EngagementType.POST_RELEASE_HIRING));

    /**
     * @param naf            the NAF sub-class of the trade
     * @param names          name patterns
     * @param tradeNameShare how often the pattern gives the trade name and a holding company the legal name
     * @param labels         labels every company of the trade carries
     */
    record Trade(String naf, List<String> names, double tradeNameShare, Set<CompanyLabel> labels) {
    }

    /** Of 300 demo companies, how many per sector. */
    final int per300;
    /** "du BTP", "de la logistique": how "the trades of" the sector end. */
    final String ofSector;
    final List<Trade> trades;
    /** The jobs people are hired for, plural: "caristes". */
    final List<String> jobs;
    /** Job titles of people met in the field, "masculine|feminine". */
    final List<String> fieldTitles;
    /** Engagement types, repeated by how common they are. */
    final List<EngagementType> engagementTypes;

    DemoSector(int per300, String ofSector, List<Trade> trades, List<String> jobs, List<String> fieldTitles,
               List<EngagementType> engagementTypes) {
        this.per300 = per300;
        this.ofSector = ofSector;
        this.trades = trades;
        this.jobs = jobs;
        this.fieldTitles = fieldTitles;
        this.engagementTypes = engagementTypes;
    }

    /** The NAF codes of the sector: how a test or a query recognises its companies. */
    Set<String> nafCodes() {
        return trades.stream().map(Trade::naf).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The four sectors in shortage that "Un métier, une Chance" presents. */
    static Stream<DemoSector> inShortage() {
        return Stream.of(CONSTRUCTION, LOGISTICS, HOSPITALITY_CATERING, ENVIRONMENT);
    }

    private static Trade trade(String naf, double tradeNameShare, String... names) {
        return new Trade(naf, List.of(names), tradeNameShare, Set.of());
    }

    private static Trade trade(String naf, double tradeNameShare, Set<CompanyLabel> labels, String... names) {
        return new Trade(naf, List.of(names), tradeNameShare, labels);
    }
}
