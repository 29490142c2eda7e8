package fr.passerelle.portal.internal;

import fr.passerelle.base.KeyedHashes;
import fr.passerelle.mail.MailOutbox;
import fr.passerelle.offer.ContractType;
import fr.passerelle.offer.Declaration;
import fr.passerelle.offer.Declaration.DeclaredCompany;
import fr.passerelle.offer.Declaration.DeclaredContact;
import fr.passerelle.offer.OfferDraft;
import fr.passerelle.offer.OfferException;
import fr.passerelle.offer.OfferIntakeService;
import fr.passerelle.offer.OfferType;
import fr.passerelle.portal.PortalRateLimits;
import fr.passerelle.portal.RateLimit;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hiring intentions declared on the portal without an account. {@link #submit} stores the declaration unconfirmed
 * and e-mails its contact a link valid 48 hours; nothing reaches the referents until {@link #confirm} is called with
 * that link's token, once: the declaration then goes to the offer module, which creates the offer
 * {@code PENDING_VALIDATION}. Only a hash of the token is stored. Rate limits: per e-mail address and per client
 * address, per day.
 *
 * <p>Callable anonymously (the public form); it reveals nothing about other declarations or companies.
 */
@Service
@Transactional(readOnly = true)
public class Declarations {

    public static final String CONFIRM_PATH = "portail/declarer/confirmer";
    public static final String TOKEN_PARAMETER = "jeton";
    /** Longer tokens are not ours: refused before any look-up. */
    public static final int TOKEN_MAX_LENGTH = 64;
    /** The consent text the form shows (its translation keys {@code portal.declare.consent.*}); change both together. */
    public static final String CONSENT_VERSION = "2026-11";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final DeclarationChecker checker;
    private final OfferIntakeService intake;
    private final PortalRateLimits rateLimits;
    private final KeyedHashes hashes;
    private final MailOutbox outbox;
    private final DeclarationMail mail;
    private final Clock clock;
    private final Duration validity;
    private final RateLimit perEmail;
    private final RateLimit perAddress;

    Declarations(JdbcClient jdbc, DeclarationChecker checker, OfferIntakeService intake, PortalRateLimits rateLimits,
                 KeyedHashes hashes, MailOutbox outbox, DeclarationMail mail, Clock clock,
                 @Value("${passerelle.portal.declaration-link-validity:48h}") Duration validity,
                 @Value("${passerelle.portal.rate-limit.declarations-per-email:5}") long perEmail,
                 @Value("${passerelle.portal.rate-limit.declarations-per-address:20}") long perAddress) {
        this.jdbc = jdbc;
        this.checker = checker;
        this.intake = intake;
        this.rateLimits = rateLimits;
        this.hashes = hashes;
        this.outbox = outbox;
        this.mail = mail;
        this.clock = clock;
        this.validity = validity;
        this.perEmail = new RateLimit("declare-email", perEmail, Duration.ofDays(1));
        this.perAddress = new RateLimit("declare-address", perAddress, Duration.ofDays(1));
    }

    /** What is wrong with a SIRET as typed (field {@code siret}), if anything: the form checks it as it is typed. */
    public static Optional<FieldProblem> siretProblem(String typed) {
        return DeclarationChecker.siretProblem(typed);
    }

    /** What is wrong with the declaration, field by field (empty when it can be submitted). */
    public List<FieldProblem> check(DeclarationRequest request) {
        return checker.check(request).problems();
    }

    /**
     * Stores the declaration unconfirmed and e-mails the confirmation link to its contact.
     *
     * @param clientAddress the visitor's address, for the per-address limit (stored as a keyed hash)
     * @param locale        the language of the e-mail
     * @throws DeclarationRefused what is wrong, field by field; or too many declarations from this address (no field)
     *                            or for this e-mail address (field {@code email}) today
     */
    @Transactional
    public void submit(DeclarationRequest request, String clientAddress, Locale locale) {
        DeclarationChecker.Checked checked = checker.check(request);
        if (!checked.valid()) {
            throw new DeclarationRefused(checked.problems());
        }
        DeclaredCompany company = checked.company();
        DeclaredContact contact = checked.contact();
        OfferDraft offer = checked.offer();
        if (!rateLimits.tryConsume(perAddress, clientAddress)) {
            throw new DeclarationRefused(List.of(new FieldProblem(null, "portal.declare.error.too-many-from-address")));
        }
        if (!rateLimits.tryConsume(perEmail, contact.email())) {
            throw new DeclarationRefused(List.of(new FieldProblem("email", "portal.declare.error.too-many-for-email")));
        }
        String token = newToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(validity);
        long id = insert(company, contact, offer, checked.campaignRef(), checked.campaignId(), sha256(token), hashes.of("declaration-client-address", clientAddress), now, expiresAt);
        outbox.enqueue("portal.declaration-confirmation", mail.confirmation(contact, company, offer, token, validity, locale),
                "portal-declaration:" + id);
    }

    /** Where the link with this token stands, without using it. */
    public DeclarationLink state(String token) {
        return find(token, false).map(this::state).orElse(DeclarationLink.UNKNOWN);
    }

    /**
     * Confirms the declaration of this token, once: the offer module creates its offer {@code PENDING_VALIDATION}. Two
     * uses at the same time confirm it once (the row is locked).
     *
     * @return {@link DeclarationLink#JUST_CONFIRMED}, or why nothing was done
     * @throws OfferException when the offer module refuses it (its reference data changed since it was checked)
     */
    @Transactional
    public DeclarationLink confirm(String token) {
        Optional<Stored> found = find(token, true);
        if (found.isEmpty()) {
            return DeclarationLink.UNKNOWN;
        }
        Stored stored = found.get();
        DeclarationLink state = state(stored);
        if (state != DeclarationLink.PENDING) {
            return state;
        }
        long offerId = intake.declare(stored.declaration());
        jdbc.sql("update portal_declaration set confirmed_at = :now, offer_id = :offer where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("offer", offerId).param("id", stored.id()).update();
        return DeclarationLink.JUST_CONFIRMED;
    }

    private DeclarationLink state(Stored stored) {
        if (stored.confirmedAt() != null) {
            return DeclarationLink.ALREADY_CONFIRMED;
        }
        return clock.instant().isBefore(stored.expiresAt()) ? DeclarationLink.PENDING : DeclarationLink.EXPIRED;
    }

    private Optional<Stored> find(String token, boolean lock) {
        if (token.isBlank() || token.length() > TOKEN_MAX_LENGTH) {
            return Optional.empty();
        }
        return jdbc.sql("select * from portal_declaration where token_hash = :hash" + (lock ? " for update" : ""))
                .param("hash", sha256(token)).query(Declarations::stored).optional();
    }

    private long insert(DeclaredCompany company, DeclaredContact contact, OfferDraft offer, @Nullable String campaignRef,
                        @Nullable Long campaignId, String tokenHash, String addressHash, Instant now, Instant expiresAt) {
        return jdbc.sql("""
                        insert into portal_declaration (token_hash, email, siret, legal_name, street, postcode, commune,
                            department_code, naf_code, workforce_bracket_code, first_name, last_name, job_title, phone,
                            offer_type, rome_code, title, description, positions, contract_type, hours_per_week, offer_commune,
                            offer_department_code, establishment_ids, start_date, end_date, consented_at, consent_version,
                            campaign_ref, campaign_id, client_address_hash, created_at, expires_at)
                        values (:tokenHash, :email, :siret, :legalName, :street, :postcode, :commune, :department, :naf,
                            :workforce, :firstName, :lastName, :jobTitle, :phone, :type, :rome, :title, :description, :positions,
                            :contract, :hours, :offerCommune, :offerDepartment, :establishments, :start, :end, :now, :consentVersion,
                            :campaign, (select c.id from campaign c where c.id = :campaignId), :addressHash, :now, :expiresAt)
                        returning id""")
                .param("tokenHash", tokenHash).param("email", contact.email())
                .param("siret", company.siret()).param("legalName", company.legalName()).param("street", company.street())
                .param("postcode", company.postcode()).param("commune", company.commune())
                .param("department", company.departmentCode()).param("naf", company.nafCode())
                .param("workforce", company.workforceBracketCode())
                .param("firstName", contact.firstName()).param("lastName", contact.lastName())
                .param("jobTitle", contact.jobTitle()).param("phone", contact.phone())
                .param("type", name(offer.type())).param("rome", offer.romeCode()).param("title", offer.title())
                .param("description", offer.description()).param("positions", offer.positions())
                .param("contract", name(offer.contractType())).param("hours", offer.hoursPerWeek())
                .param("offerCommune", offer.commune()).param("offerDepartment", offer.departmentCode())
                .param("establishments", offer.establishmentIds().stream().sorted().toArray(Long[]::new))
                .param("start", offer.startDate()).param("end", offer.endDate())
                .param("now", Timestamp.from(now)).param("consentVersion", CONSENT_VERSION).param("campaign", campaignRef)
                .param("campaignId", campaignId)
                .param("addressHash", addressHash).param("expiresAt", Timestamp.from(expiresAt))
                .query(Long.class).single();
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** A row as stored, and the declaration it makes. */
    private record Stored(long id, Declaration declaration, Instant expiresAt, @Nullable Instant confirmedAt) {
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        var company = new DeclaredCompany(rs.getString("siret"), rs.getString("legal_name"), rs.getString("street"),
                rs.getString("postcode"), rs.getString("commune"), rs.getString("department_code"), rs.getString("naf_code"),
                rs.getString("workforce_bracket_code"));
        var contact = new DeclaredContact(rs.getString("first_name"), rs.getString("last_name"), rs.getString("job_title"),
                rs.getString("email"), rs.getString("phone"));
        Array ids = rs.getArray("establishment_ids");
        Set<Long> establishments = Arrays.stream((Long[]) ids.getArray()).collect(Collectors.toSet());
        var offer = new OfferDraft(0, OfferType.valueOf(rs.getString("offer_type")), rs.getString("rome_code"), rs.getString("title"),
                rs.getString("description"), rs.getInt("positions"), ContractType.valueOf(rs.getString("contract_type")),
                rs.getBigDecimal("hours_per_week"), rs.getString("offer_commune"), rs.getString("offer_department_code"),
                establishments, rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class), null);
        var declaration = new Declaration(company, contact, offer, rs.getTimestamp("consented_at").toInstant(),
                rs.getString("consent_version"), rs.getString("campaign_ref"), rs.getObject("campaign_id", Long.class));
        Timestamp confirmed = rs.getTimestamp("confirmed_at");
        return new Stored(rs.getLong("id"), declaration, rs.getTimestamp("expires_at").toInstant(),
                confirmed == null ? null : confirmed.toInstant());
    }

    /** 32 random bytes, URL-safe: 43 characters. */
    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
