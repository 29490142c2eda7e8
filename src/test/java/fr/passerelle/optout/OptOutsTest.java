package fr.passerelle.optout;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.IntegrationTest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@RecordApplicationEvents
class OptOutsTest extends IntegrationTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    OptOuts optOuts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    static String uniqueAddress() {
        return "optout." + Long.toString(System.nanoTime(), 36) + SEQUENCE.incrementAndGet() + "@exemple.fr";
    }

    @Test
    void anUnsubscribeBlocksTheAddressForGoodWhateverItsCaseAndPublishesOnce() {
        String address = uniqueAddress();

        assertThat(optOuts.unsubscribe("  " + address.toUpperCase() + " ", "campaign:5")).isEqualTo(OptOutOutcome.BLOCKED);
        assertThat(optOuts.unsubscribe(address, "campaign:6")).isEqualTo(OptOutOutcome.ALREADY_BLOCKED);
        assertThat(optOuts.hardBounce(address, "campaign:7", "5.1.1")).isEqualTo(OptOutOutcome.ALREADY_BLOCKED);

        assertThat(optOuts.isOptedOut(address.toUpperCase())).isTrue();
        OptOut optOut = optOuts.find(address).orElseThrow();
        assertThat(optOut.reason()).as("the first reason stays").isEqualTo(OptOutReason.UNSUBSCRIBED);
        assertThat(optOut.source()).isEqualTo("campaign:5");
        assertThat(optOut.lastEventAt()).isAfterOrEqualTo(optOut.firstEventAt());
        assertThat(events.stream(AddressBlocked.class).filter(e -> e.address().equals(address)))
                .singleElement().satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(OptOutReason.UNSUBSCRIBED);
                    assertThat(e.source()).isEqualTo("campaign:5");
                });
    }

    @Test
    void softBouncesBlockAtTheThirdAndHardBouncesAndComplaintsAtOnce() {
        String soft = uniqueAddress();
        String hard = uniqueAddress();
        String complaint = uniqueAddress();

        assertThat(optOuts.softBounce(soft, "campaign:1", "4.2.2")).isEqualTo(OptOutOutcome.COUNTED);
        assertThat(optOuts.softBounce(soft, "campaign:2", "4.4.1")).isEqualTo(OptOutOutcome.COUNTED);
        assertThat(optOuts.isOptedOut(soft)).isFalse();
        assertThat(optOuts.softBounce(soft, "campaign:3", "4.2.2")).isEqualTo(OptOutOutcome.BLOCKED);
        assertThat(optOuts.softBounce(soft, "campaign:4", "4.2.2")).isEqualTo(OptOutOutcome.ALREADY_BLOCKED);
        assertThat(optOuts.hardBounce(hard, null, "5.1.1")).isEqualTo(OptOutOutcome.BLOCKED);
        assertThat(optOuts.complaint(complaint, "campaign:9", "abuse")).isEqualTo(OptOutOutcome.BLOCKED);

        assertThat(optOuts.find(soft).orElseThrow()).satisfies(o -> {
            assertThat(o.reason()).isEqualTo(OptOutReason.SOFT_BOUNCES);
            assertThat(o.softBounces()).isEqualTo(3);
            assertThat(o.detail()).isEqualTo("4.2.2");
        });
        assertThat(jdbc.sql("select count(*) from mail_soft_bounce where address_key = :a").param("a", soft).query(Long.class).single())
                .as("the counter goes once the address is blocked").isZero();
        assertThat(optOuts.find(hard).orElseThrow().reason()).isEqualTo(OptOutReason.HARD_BOUNCE);
        assertThat(optOuts.find(complaint).orElseThrow().reason()).isEqualTo(OptOutReason.COMPLAINT);
        assertThat(events.stream(AddressBlocked.class).map(AddressBlocked::address)).contains(soft, hard, complaint);
    }

    @Test
    void aBatchQueryAnswersWhichAddressesAreBlocked() {
        String blocked = uniqueAddress();
        String other = uniqueAddress();
        optOuts.unsubscribe(blocked, null);

        assertThat(optOuts.optedOut(List.of(blocked.toUpperCase(), other, "not an address"))).containsExactly(blocked);
        assertThat(optOuts.optedOut(List.of())).isEmpty();
    }

    @Test
    void theDocumentedSqlExcludesBlockedAddresses() {
        String blocked = uniqueAddress();
        optOuts.complaint(blocked, null, null);

        List<String> kept = jdbc.sql("""
                        select a from unnest(cast(:addresses as text[])) as a
                        where not exists (select 1 from mail_opt_out o where o.address_key = lower(btrim(a)))""")
                .param("addresses", new String[] {" " + blocked.toUpperCase(), "someone.else@exemple.fr"}).query(String.class).list();
        assertThat(kept).containsExactly("someone.else@exemple.fr");
    }
}
