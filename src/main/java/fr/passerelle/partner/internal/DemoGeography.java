package fr.passerelle.partner.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where demo companies are: a few real communes of each department with their postcodes, how much
 * economic weight the department gets, and the name of its area ("de Bourgogne", "du Berry") that
 * company names borrow. The reference data has departments but no communes; this small list is
 * enough for plausible addresses.
 */
final class DemoGeography {

    record Commune(String name, String postcode) {
    }

    /**
     * @param weight    how many companies the department gets relative to the others of its DISP
     * @param ofArea    the area with its preposition, as names use it: "de Bourgogne", "du Berry", "des Landes"
     */
    record Place(String departmentCode, int weight, String ofArea, List<Commune> communes) {

        /** The area alone: "Bourgogne", "Berry", "Landes". */
        String area() {
            return withoutPreposition(ofArea);
        }
    }

    // department | weight | area with its preposition | communes with their postcodes
    private static final String TABLE = """
            01|2|de la Bresse|Bourg-en-Bresse 01000;Oyonnax 01100;Ambérieu-en-Bugey 01500
            02|1|de l’Aisne|Laon 02000;Saint-Quentin 02100;Soissons 02200
            03|1|du Bourbonnais|Moulins 03000;Montluçon 03100;Vichy 03200
            04|1|de Haute-Provence|Digne-les-Bains 04000;Manosque 04100;Sisteron 04200
            05|1|des Alpes du Sud|Gap 05000;Briançon 05100;Embrun 05200
            06|3|de la Côte d’Azur|Nice 06000;Cannes 06400;Grasse 06130;Antibes 06600
            07|1|d’Ardèche|Privas 07000;Aubenas 07200;Annonay 07100
            08|1|des Ardennes|Charleville-Mézières 08000;Sedan 08200;Rethel 08300
            09|1|d’Ariège|Foix 09000;Pamiers 09100;Saint-Girons 09200
            10|1|de Champagne|Troyes 10000;Romilly-sur-Seine 10100;Bar-sur-Aube 10200
            11|1|du Languedoc|Carcassonne 11000;Narbonne 11100;Castelnaudary 11400
            12|1|du Rouergue|Rodez 12000;Millau 12100;Villefranche-de-Rouergue 12200
            13|4|de Provence|Marseille 13015;Marseille 13010;Aix-en-Provence 13100;Arles 13200;Vitrolles 13127;Aubagne 13400
            14|2|de Normandie|Caen 14000;Lisieux 14100;Bayeux 14400;Vire Normandie 14500
            15|1|du Cantal|Aurillac 15000;Saint-Flour 15100;Mauriac 15200
            16|1|de Charente|Angoulême 16000;Cognac 16100;Confolens 16500
            17|2|de l’Aunis|La Rochelle 17000;Saintes 17100;Rochefort 17300;Royan 17200
            18|2|du Berry|Bourges 18000;Vierzon 18100;Saint-Amand-Montrond 18200;Aubigny-sur-Nère 18700
            19|1|du Limousin|Tulle 19000;Brive-la-Gaillarde 19100;Ussel 19200
            2A|1|de Corse|Ajaccio 20000;Porto-Vecchio 20137;Sartène 20100
            2B|1|de Corse|Bastia 20200;Corte 20250;Calvi 20260
            21|4|de Bourgogne|Dijon 21000;Beaune 21200;Montbard 21500;Chenôve 21300;Is-sur-Tille 21120;Auxonne 21130;Longvic 21600
            22|1|des Côtes-d’Armor|Saint-Brieuc 22000;Lannion 22300;Dinan 22100
            23|1|de la Creuse|Guéret 23000;Aubusson 23200;La Souterraine 23300
            24|1|du Périgord|Périgueux 24000;Bergerac 24100;Sarlat-la-Canéda 24200
            25|3|de Franche-Comté|Besançon 25000;Montbéliard 25200;Pontarlier 25300;Audincourt 25400;Morteau 25500
            26|2|de la Drôme|Valence 26000;Montélimar 26200;Romans-sur-Isère 26100
            27|1|de l’Eure|Évreux 27000;Vernon 27200;Louviers 27400
            28|2|de Beauce|Chartres 28000;Dreux 28100;Châteaudun 28200;Nogent-le-Rotrou 28400
            29|2|du Finistère|Quimper 29000;Brest 29200;Morlaix 29600
            30|2|des Cévennes|Nîmes 30000;Alès 30100;Bagnols-sur-Cèze 30200
            31|4|d’Occitanie|Toulouse 31000;Toulouse 31200;Muret 31600;Saint-Gaudens 31800;Blagnac 31700
            32|1|de Gascogne|Auch 32000;Condom 32100;Fleurance 32500
            33|4|d’Aquitaine|Bordeaux 33000;Mérignac 33700;Libourne 33500;Arcachon 33120
            34|3|de l’Hérault|Montpellier 34000;Béziers 34500;Sète 34200;Lunel 34400
            35|3|de Bretagne|Rennes 35000;Saint-Malo 35400;Fougères 35300;Vitré 35500
            36|1|de l’Indre|Châteauroux 36000;Issoudun 36100;Le Blanc 36300;Argenton-sur-Creuse 36200
            37|3|de Touraine|Tours 37000;Amboise 37400;Chinon 37500;Joué-lès-Tours 37300;Loches 37600
            38|3|du Dauphiné|Grenoble 38000;Vienne 38200;Voiron 38500;Bourgoin-Jallieu 38300
            39|2|du Jura|Lons-le-Saunier 39000;Dole 39100;Saint-Claude 39200;Champagnole 39300
            40|1|des Landes|Mont-de-Marsan 40000;Dax 40100;Biscarrosse 40600
            41|2|de Sologne|Blois 41000;Vendôme 41100;Romorantin-Lanthenay 41200;Mer 41500
            42|2|du Forez|Saint-Étienne 42000;Roanne 42300;Montbrison 42600
            43|1|du Velay|Le Puy-en-Velay 43000;Yssingeaux 43200;Brioude 43100
            44|4|de l’Estuaire|Nantes 44000;Saint-Nazaire 44600;Rezé 44400;Châteaubriant 44110
            45|3|de l’Orléanais|Orléans 45000;Montargis 45200;Gien 45500;Pithiviers 45300;Saran 45770
            46|1|du Quercy|Cahors 46000;Figeac 46100;Gourdon 46300
            47|1|de l’Agenais|Agen 47000;Villeneuve-sur-Lot 47300;Marmande 47200
            48|1|du Gévaudan|Mende 48000;Marvejols 48100;Florac-Trois-Rivières 48400
            49|2|d’Anjou|Angers 49000;Cholet 49300;Saumur 49400
            50|1|du Cotentin|Saint-Lô 50000;Cherbourg-en-Cotentin 50100;Avranches 50300
            51|2|de Champagne|Châlons-en-Champagne 51000;Reims 51100;Épernay 51200
            52|1|de Haute-Marne|Chaumont 52000;Saint-Dizier 52100;Langres 52200
            53|1|de la Mayenne|Laval 53000;Mayenne 53100;Château-Gontier-sur-Mayenne 53200
            54|2|de Lorraine|Nancy 54000;Lunéville 54300;Toul 54200
            55|1|de la Meuse|Bar-le-Duc 55000;Verdun 55100;Commercy 55200
            56|2|du Morbihan|Vannes 56000;Lorient 56100;Pontivy 56300
            57|3|de Moselle|Metz 57000;Thionville 57100;Forbach 57600;Sarreguemines 57200
            58|2|du Nivernais|Nevers 58000;Cosne-Cours-sur-Loire 58200;Decize 58300;Clamecy 58500
            59|4|des Flandres|Lille 59000;Roubaix 59100;Dunkerque 59140;Valenciennes 59300;Douai 59500
            60|2|de l’Oise|Beauvais 60000;Compiègne 60200;Creil 60100
            61|1|de l’Orne|Alençon 61000;Argentan 61200;Flers 61100
            62|3|de l’Artois|Arras 62000;Calais 62100;Boulogne-sur-Mer 62200;Lens 62300
            63|2|d’Auvergne|Clermont-Ferrand 63000;Riom 63200;Thiers 63300;Issoire 63500
            64|2|du Béarn|Pau 64000;Bayonne 64100;Oloron-Sainte-Marie 64400
            65|1|de Bigorre|Tarbes 65000;Lourdes 65100;Bagnères-de-Bigorre 65200
            66|1|du Roussillon|Perpignan 66000;Céret 66400;Prades 66500
            67|3|d’Alsace|Strasbourg 67000;Haguenau 67500;Sélestat 67600;Saverne 67700
            68|2|d’Alsace|Colmar 68000;Mulhouse 68100;Saint-Louis 68300
            69|4|du Lyonnais|Lyon 69007;Lyon 69009;Villeurbanne 69100;Vénissieux 69200;Villefranche-sur-Saône 69400
            70|2|de Haute-Saône|Vesoul 70000;Lure 70200;Gray 70100;Héricourt 70400;Luxeuil-les-Bains 70300
            71|3|de Saône-et-Loire|Mâcon 71000;Chalon-sur-Saône 71100;Le Creusot 71200;Montceau-les-Mines 71300;Autun 71400;Paray-le-Monial 71600
            72|2|du Maine|Le Mans 72000;La Flèche 72200;Sablé-sur-Sarthe 72300
            73|2|de Savoie|Chambéry 73000;Albertville 73200;Aix-les-Bains 73100
            74|2|des Savoies|Annecy 74000;Annemasse 74100;Thonon-les-Bains 74200
            75|4|de Paris|Paris 75011;Paris 75012;Paris 75013;Paris 75015;Paris 75018;Paris 75019;Paris 75020
            76|3|de Normandie|Rouen 76000;Le Havre 76600;Dieppe 76200
            77|2|de la Brie|Melun 77000;Meaux 77100;Chelles 77500;Torcy 77200
            78|2|des Yvelines|Versailles 78000;Mantes-la-Jolie 78200;Poissy 78300;Trappes 78190
            79|1|du Poitou|Niort 79000;Bressuire 79300;Parthenay 79200
            80|2|de Picardie|Amiens 80000;Abbeville 80100;Albert 80300
            81|1|du Tarn|Albi 81000;Castres 81100;Gaillac 81600
            82|1|du Quercy|Montauban 82000;Castelsarrasin 82100;Moissac 82200
            83|2|du Var|Toulon 83000;Draguignan 83300;Fréjus 83600;Hyères 83400
            84|2|du Vaucluse|Avignon 84000;Carpentras 84200;Orange 84100;Cavaillon 84300
            85|2|de Vendée|La Roche-sur-Yon 85000;Les Sables-d’Olonne 85100;Fontenay-le-Comte 85200
            86|2|du Poitou|Poitiers 86000;Châtellerault 86100;Loudun 86200
            87|2|du Limousin|Limoges 87000;Saint-Junien 87200;Bellac 87300
            88|1|des Vosges|Épinal 88000;Saint-Dié-des-Vosges 88100;Remiremont 88200
            89|2|de l’Yonne|Auxerre 89000;Sens 89100;Avallon 89200;Joigny 89300;Tonnerre 89700
            90|1|du Territoire de Belfort|Belfort 90000;Delle 90100;Valdoie 90300
            91|2|de l’Essonne|Évry-Courcouronnes 91000;Corbeil-Essonnes 91100;Massy 91300;Étampes 91150
            92|2|des Hauts-de-Seine|Nanterre 92000;Gennevilliers 92230;Boulogne-Billancourt 92100;Colombes 92700
            93|2|de Seine-Saint-Denis|Bobigny 93000;Saint-Denis 93200;Aubervilliers 93300;Montreuil 93100
            94|2|du Val-de-Marne|Créteil 94000;Rungis 94150;Vitry-sur-Seine 94400;Ivry-sur-Seine 94200
            95|2|du Val-d’Oise|Cergy 95000;Argenteuil 95100;Sarcelles 95200;Gonesse 95500
            971|2|de Guadeloupe|Les Abymes 97139;Baie-Mahault 97122;Basse-Terre 97100;Pointe-à-Pitre 97110
            972|2|de Martinique|Fort-de-France 97200;Le Lamentin 97232;Le Robert 97231
            973|1|de Guyane|Cayenne 97300;Kourou 97310;Saint-Laurent-du-Maroni 97320;Rémire-Montjoly 97354
            974|3|de La Réunion|Saint-Denis 97400;Saint-Pierre 97410;Le Port 97420;Saint-Paul 97460
            976|1|de Mayotte|Mamoudzou 97600;Koungou 97690;Dzaoudzi 97610
            """;

    private static final Map<String, Place> PLACES = parse();

    private DemoGeography() {
    }

    static Optional<Place> place(String departmentCode) {
        return Optional.ofNullable(PLACES.get(departmentCode));
    }

    static Map<String, Place> places() {
        return PLACES;
    }

    /**
     * The first digits of a landline there: 01 Île-de-France, 02 north-west, 03 north-east, 04
     * south-east, 05 south-west; overseas their own (0590 Guadeloupe…).
     */
    static String landlinePrefix(String departmentCode, String regionCode) {
        return switch (departmentCode) {
            case "971" -> "0590";
            case "972" -> "0596";
            case "973" -> "0594";
            case "974" -> "0262";
            case "976" -> "0269";
            case "11", "30", "34", "48", "66" -> "04";
            default -> switch (regionCode) {
                case "11" -> "01";
                case "24", "28", "52", "53" -> "02";
                case "27", "32", "44" -> "03";
                case "75", "76" -> "05";
                default -> "04";
            };
        };
    }

    /** Mobile numbers start 06 or 07 in metropolitan France, 0690 in Guadeloupe… */
    static String mobilePrefix(String departmentCode, boolean alternative) {
        return switch (departmentCode) {
            case "971" -> "0690";
            case "972" -> "0696";
            case "973" -> "0694";
            case "974" -> alternative ? "0693" : "0692";
            case "976" -> "0639";
            default -> alternative ? "07" : "06";
        };
    }

    /** "de Bourgogne" → "Bourgogne", "du Berry" → "Berry", "de l’Yonne" → "Yonne", "des Landes" → "Landes". */
    static String withoutPreposition(String of) {
        for (String preposition : List.of("de la ", "de l’", "de ", "du ", "des ", "d’")) {
            if (of.startsWith(preposition)) {
                return of.substring(preposition.length());
            }
        }
        return of;
    }

    /** "Dijon" → "de Dijon", "Auxerre" → "d’Auxerre", "Le Mans" → "du Mans", "Les Abymes" → "des Abymes". */
    static String of(String commune) {
        if (commune.startsWith("Le ")) {
            return "du " + commune.substring(3);
        }
        if (commune.startsWith("Les ")) {
            return "des " + commune.substring(4);
        }
        char first = commune.charAt(0);
        boolean elided = "AEIOUYÉÈÊÎÔÂ".indexOf(first) >= 0 || commune.startsWith("Hyères") || commune.startsWith("Héricourt");
        return elided ? "d’" + commune : "de " + commune;
    }

    private static Map<String, Place> parse() {
        Map<String, Place> places = new LinkedHashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] fields = line.split("\\|");
            List<Commune> communes = new ArrayList<>();
            for (String commune : fields[3].split(";")) {
                int space = commune.lastIndexOf(' ');
                communes.add(new Commune(commune.substring(0, space), commune.substring(space + 1)));
            }
            places.put(fields[0], new Place(fields[0], Integer.parseInt(fields[1]), fields[2], List.copyOf(communes)));
        }
        return places;
    }
}
