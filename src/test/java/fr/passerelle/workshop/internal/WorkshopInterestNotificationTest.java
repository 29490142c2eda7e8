package fr.passerelle.workshop.internal;

import static fr.passerelle.workshop.WorkshopFixtures.DIJON_ESTABLISHMENT;
import static fr.passerelle.workshop.WorkshopFixtures.draft;
import static fr.passerelle.workshop.WorkshopFixtures.establishmentId;
import static fr.passerelle.workshop.WorkshopFixtures.interest;
import static fr.passerelle.workshop.WorkshopFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import fr.passerelle.IntegrationTest;
import fr.passerelle.base.PublicAddress;
import fr.passerelle.base.Role;
import fr.passerelle.security.UserAccountService;
import fr.passerelle.security.UserDraft;
import fr.passerelle.workshop.WorkshopFixtures;
import fr.passerelle.workshop.WorkshopService;
import fr.passerelle.workshop.WorkshopSpaceDraft;
import fr.passerelle.workshop.WorkshopSpaceSummary;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The e-mail a space's contact referent gets when a company asks about the space, on the real outbox and SMTP server. */
class WorkshopInterestNotificationTest extends IntegrationTest {

    @Autowired
    WorkshopService workshops;
    @Autowired
    UserAccountService accounts;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GreenMail smtpServer;
    @Autowired
    PublicAddress publicAddress;

    @Test
    void theSpacesReferentIsEmailedOnceWithTheCompanyTheSpaceAndTheLinkToTheQueue() throws Exception {
        String email = "r2ip." + token() + "@justice.example.fr";
        long referent = referent("Camille Roux", email);
        WorkshopSpaceSummary space = space(referent);
        String company = "Menuiserie " + token();

        WorkshopFixtures.anonymous();
        long interestId = workshops.registerInterest(interest(space.id(), company));

        MimeMessage mail = awaitMailTo(email);
        assertThat(mail.getSubject()).isEqualTo("Espace d’atelier : demande de " + company + " pour « " + space.label() + " »");
        String text = ((String) mail.getContent()).replace("\r\n", "\n");
        assertThat(text).startsWith("Bonjour Camille Roux,")
                .contains("L’entreprise " + company + " s’intéresse à l’espace « " + space.label() + " » (" + space.establishmentName() + ")")
                .contains(publicAddress.link("moderation").toString())
                .as("the company's contact details stay in the application").doesNotContain("claire.martin@exemple.fr");
        assertThat(outboxRows("workshop-interest:" + interestId)).containsExactly(WorkshopInterestNotification.KIND);
    }

    @Test
    void aSpaceWithoutAReferentOrWithADisabledOneGetsNoMailButTheRequestIsRecorded() {
        WorkshopSpaceSummary noReferent = space(null);
        String email = "r2ip." + token() + "@justice.example.fr";
        long referent = referent("Dominique Petit", email);
        WorkshopSpaceSummary disabledReferent = space(referent);
        jdbc.sql("update app_user set enabled = false where id = :id").param("id", referent).update();

        WorkshopFixtures.anonymous();
        long first = workshops.registerInterest(interest(noReferent.id(), "Sans référent " + token()));
        long second = workshops.registerInterest(interest(disabledReferent.id(), "Référent parti " + token()));

        assertThat(outboxRows("workshop-interest:" + first)).isEmpty();
        assertThat(outboxRows("workshop-interest:" + second)).isEmpty();
        assertThat(jdbc.sql("select count(*) from workshop_interest where id in (:ids) and status = 'PENDING'")
                .param("ids", List.of(first, second)).query(Long.class).single()).isEqualTo(2);
    }

    private long referent(String name, String email) {
        WorkshopFixtures.signIn(users, "admin");
        return accounts.create(new UserDraft("r2ip-" + token(), name, email, Role.REFERENT, "DISP DIJON")).user().id();
    }

    private WorkshopSpaceSummary space(@Nullable Long referentId) {
        WorkshopFixtures.signIn(users, "admin");
        WorkshopSpaceDraft d = draft(establishmentId(jdbc, DIJON_ESTABLISHMENT), "Atelier " + token());
        return workshops.create(new WorkshopSpaceDraft(d.establishmentId(), d.label(), d.areaM2(), d.storageM2(), d.loadingDock(),
                d.currentActivity(), d.activityCategory(), d.availability(), d.availableFrom(), referentId, d.notes(), true));
    }

    private List<String> outboxRows(String dedupKey) {
        return jdbc.sql("select kind from mail_outbox where dedup_key = :key").param("key", dedupKey).query(String.class).list();
    }

    private MimeMessage awaitMailTo(String address) throws Exception {
        for (int i = 0; i < 100; i++) {
            for (MimeMessage message : smtpServer.getReceivedMessages()) {
                if (Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No mail to " + address);
    }
}
