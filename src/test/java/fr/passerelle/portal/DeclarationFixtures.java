package fr.passerelle.portal;

import fr.passerelle.offer.ContractType;
import fr.passerelle.offer.OfferDraft;
import fr.passerelle.offer.OfferType;
import fr.passerelle.partner.SiretGenerator;
import fr.passerelle.portal.internal.DeclarationRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A valid declaration of a job at release in Côte-d'Or (DISP DIJON), and what the tests need around it. */
public final class DeclarationFixtures {

    public static final String ROME_CODE = "F1603";
    public static final String DEPARTMENT = "21";
    public static final String OFFER_TITLE = "Plombier chauffagiste";
    private static final Random RANDOM = new Random();
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);
    private static final Pattern TOKEN = Pattern.compile("jeton=([A-Za-z0-9_-]+)");

    private DeclarationFixtures() {
    }

    public static String randomSiret() {
        return SiretGenerator.random(RANDOM);
    }

    /** A client address no other test uses, so that the per-address limit of one test does not reach another. */
    public static String uniqueClientAddress() {
        int n = ADDRESSES.getAndIncrement();
        return "198.51." + (n / 250) + "." + (1 + n % 250);
    }

    public static OfferDraft offer() {
        return new OfferDraft(0, OfferType.POST_RELEASE_JOB, ROME_CODE, OFFER_TITLE, "Installation et entretien", 2,
                ContractType.CDI, BigDecimal.valueOf(35), "Dijon", DEPARTMENT, Set.of(), LocalDate.now().plusDays(14), null, null);
    }

    public static DeclarationRequest validRequest(String email) {
        return new DeclarationRequest(randomSiret(), "Chauffage Bourguignon", "3 rue des Forges", "21000", "Dijon", null, null,
                "Camille", "Martin", "Responsable RH", email, "03 80 12 34 56", offer(), true, null);
    }

    /** The confirmation token in a mail's text. */
    public static String tokenIn(String text) {
        Matcher matcher = TOKEN.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("No confirmation link in: " + text);
        }
        return matcher.group(1);
    }
}
