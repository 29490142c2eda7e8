package fr.passerelle.partner.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** French names, job titles and streets for the demo data set (all fictional combinations). */
final class DemoNames {

    static final List<String> SURNAMES = List.of(
            "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent", "Simon",
            "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont",
            "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer",
            "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin",
            "Nicolas", "Henry", "Roussel", "Mathieu", "Masson", "Marchand", "Duval", "Denis", "Dumont", "Lemaire", "Noël",
            "Meyer", "Dufour", "Meunier", "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard",
            "Barbier", "Arnaud", "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal",
            "Caron", "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Bourgeois",
            "Benoît", "Rey", "Leclerc", "Payet", "Rolland", "Guillaume", "Lecomte", "Lopez", "Dupuy", "Guillot", "Hubert",
            "Berger", "Carpentier", "Sanchez", "Dupuis", "Moulin", "Deschamps", "Huet", "Vasseur", "Perez", "Boucher",
            "Fleury", "Royer", "Klein", "Jacquet", "Adam", "Poirier", "Marty", "Aubry", "Guyot", "Carré", "Renault",
            "Charpentier", "Ménard", "Maillard", "Baron", "Bertin", "Bailly", "Hervé", "Schneider", "Fernandez", "Le Gall",
            "Collet", "Léger", "Bouvier", "Prévost", "Millet", "Perrot", "Cousin", "Germain", "Breton", "Besson",
            "Langlois", "Rémy", "Le Goff", "Pelletier", "Lévêque", "Perrier", "Leblanc", "Barré", "Lebrun", "Marchal",
            "Weber", "Mallet", "Hamon", "Boulanger", "Jacob", "Monnier", "Michaud", "Guichard", "Gillet", "Étienne",
            "Grondin", "Poulain", "Tessier", "Chauvin", "Da Silva", "Bouchet", "Lemaître", "Maréchal", "Humbert",
            "Reynaud", "Hoarau", "Perret", "Barthélemy", "Cordier", "Pichon", "Lejeune", "Gilbert", "Lamy", "Delaunay",
            "Pasquier", "Carlier", "Laporte", "Bénard", "Técher", "Jean-Baptiste", "Alexis", "Marie-Sainte", "Ouattara",
            "Benali", "Haddad", "Nguyen", "Diallo", "Bensaïd", "Kowalski", "Ferreira");

    static final List<String> WOMEN = List.of(
            "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Sandrine", "Véronique", "Christine", "Valérie", "Céline",
            "Stéphanie", "Sophie", "Aurélie", "Julie", "Émilie", "Camille", "Laure", "Hélène", "Claire", "Anne", "Caroline",
            "Élodie", "Audrey", "Mélanie", "Karine", "Laëtitia", "Manon", "Chloé", "Léa", "Inès", "Sarah", "Fatima", "Nadia",
            "Amandine", "Agnès", "Brigitte", "Béatrice", "Pauline", "Margaux", "Océane", "Marie-Claire", "Anne-Sophie");

    static final List<String> MEN = List.of(
            "Jean", "Philippe", "Michel", "Alain", "Patrick", "Nicolas", "Christophe", "Pierre", "Laurent", "Frédéric",
            "Stéphane", "David", "Éric", "Olivier", "Julien", "Sébastien", "Thierry", "Pascal", "Vincent", "Jérôme",
            "François", "Benoît", "Mathieu", "Antoine", "Guillaume", "Thomas", "Romain", "Maxime", "Alexandre", "Karim",
            "Mehdi", "Yannick", "Hervé", "Cédric", "Bruno", "Gilles", "Didier", "Franck", "Lucas", "Hugo", "Jean-Marc",
            "Jean-Luc");

    /** Who a company's main contact usually is, "masculine|feminine". */
    static final List<String> LEADER_TITLES = List.of(
            "Gérant|Gérante", "Directeur général|Directrice générale", "Directeur des ressources humaines|Directrice des ressources humaines",
            "Responsable des ressources humaines|Responsable des ressources humaines", "Président|Présidente",
            "Directeur d’agence|Directrice d’agence");

    /** Other people met at a company, "masculine|feminine". */
    static final List<String> STAFF_TITLES = List.of(
            "Chargé de recrutement|Chargée de recrutement", "Assistant de direction|Assistante de direction",
            "Responsable RSE|Responsable RSE", "Chargé de mission inclusion|Chargée de mission inclusion");

    static final List<String> STREETS = List.of(
            "rue de la République", "avenue Jean-Jaurès", "rue Victor-Hugo", "boulevard Gambetta", "rue Pasteur",
            "rue des Artisans", "rue de l’Industrie", "avenue de la Gare", "chemin des Vignes", "rue du Commerce",
            "allée des Érables", "rue Gustave-Eiffel", "rue Ampère", "impasse des Tisserands", "rue des Forges",
            "avenue du Général-de-Gaulle", "rue Denis-Papin", "rue de la Tuilerie", "route Nationale", "rue des Frères-Lumière",
            "rue du Moulin", "quai de la Marne", "rue Marcel-Sembat", "rue de l’Église", "avenue de l’Europe");

    static final List<String> BUSINESS_PARKS = List.of(
            "ZA des Grands Champs", "ZI Nord", "Parc d’activités des Portes", "ZAC du Moulin", "ZI de la Plaine",
            "Parc d’activités du Bois", "ZA Les Coteaux", "Zone portuaire");

    /** Legal forms added to some names. */
    static final List<String> LEGAL_FORMS = List.of("SARL", "SAS", "SAS", "EURL", "SASU");

    /** Holding companies behind a trade name (a restaurant, a hotel). */
    static final List<String> HOLDINGS = List.of(
            "SARL {name} et Associés", "SAS {name}-{name2}", "SARL {name} Restauration", "SAS Groupe {name}",
            "EURL {name}", "SARL {name} Frères");

    private DemoNames() {
    }

    /** "Marie-Claire" → "marieclaire", "Le Gall" → "legall": letters only, for e-mail addresses. */
    static String plain(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z]", "");
    }

    /** "Pizzeria des Halles de Longvic SAS" → "pizzeria-halles-longvic": no accents, legal forms or small words, lower case, hyphens, at most four words. */
    static String slug(String text) {
        String plain = Normalizer.normalize(text.replace("œ", "oe").replace("Œ", "Oe").replace("’", ""), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String[] words = plain.split("[^a-z0-9]+");
        var slug = new StringBuilder();
        int count = 0;
        for (String word : words) {
            if (word.isEmpty() || List.of("sarl", "sas", "sasu", "eurl", "sa", "et", "de", "du", "des", "d", "la", "le", "les", "l", "en").contains(word)) {
                continue;
            }
            if (count++ == 4) {
                break;
            }
            if (!slug.isEmpty()) {
                slug.append('-');
            }
            slug.append(word);
        }
        return slug.toString();
    }
}
