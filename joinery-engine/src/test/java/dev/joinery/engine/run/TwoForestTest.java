package dev.joinery.engine.run;

import static dev.joinery.engine.run.World.AD;
import static dev.joinery.engine.run.World.RES;
import static dev.joinery.engine.run.World.text;
import static dev.joinery.engine.run.World.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.LinkKind;
import dev.joinery.engine.model.MvObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An account forest with the enabled account and a resource forest with a disabled account and a linked mailbox:
 * "Attributes related to sign-in are synchronized from the forest with the enabled account. Attributes that can be
 * found in the GAL (Global Address List) are synchronized from the forest with the mailbox."
 */
class TwoForestTest {
    private final World w = World.with(Rules.twoForests());
    private ConnectorObject account;
    private ConnectorObject mailbox;

    private void givenALinkedMailbox() {
        account = user(
                w.ad,
                "Alice",
                "cn",
                "Alice",
                "sAMAccountName",
                "alice",
                "displayName",
                "Alice (account forest)",
                "employeeID",
                "E1",
                "objectSid",
                "S-1-5-21-1-1001",
                "department",
                "Sales",
                "userAccountControl",
                512L);
        mailbox = user(
                w.res,
                "Alice",
                "cn",
                "Alice",
                "sAMAccountName",
                "alice-mbx",
                "displayName",
                "Alice Smith",
                "employeeID",
                "R9",
                "objectSid",
                "S-1-5-21-2-2001",
                "msExchMasterAccountSid",
                "S-1-5-21-1-1001",
                "mailNickname",
                "alice",
                "mail",
                "alice@contoso.com",
                "proxyAddresses",
                List.of("SMTP:alice@contoso.com"),
                "userAccountControl",
                514L);
    }

    /**
     * "When one group finds exactly one match with an object in the target, then no other join rules are
     * evaluated."
     */
    @Test
    void theResourceForestMailboxJoinsTheAccountForestPerson() {
        givenALinkedMailbox();

        w.engine.cycle(SyncEngine.Cycle.INITIAL);

        assertThat(w.mvCount()).isEqualTo(1);
        CsObject res = w.cs(RES, "CN=Alice,OU=Users,DC=example").orElseThrow();
        CsObject ad = w.cs(AD, "CN=Alice,OU=Users,DC=example").orElseThrow();
        assertThat(res.link().kind()).isEqualTo(LinkKind.JOINED);
        assertThat(ad.link().kind()).isEqualTo(LinkKind.PROJECTED);
        assertThat(res.link().mvId()).isEqualTo(ad.link().mvId());
        assertThat(w.cloud.size()).isEqualTo(1);
    }

    /**
     * "The sync rule with highest precedence (lowest numeric value) is going to contribute the value." The enabled
     * account's rule (102) gives sign-in attributes; the mailbox forest's Common from Exchange (105) beats both
     * Common rules (106, 107) for GAL attributes; an attribute only the account forest has comes from its Common rule.
     */
    @Test
    void precedenceDecidesWhichForestContributesEachAttribute() {
        givenALinkedMailbox();

        w.engine.cycle(SyncEngine.Cycle.INITIAL);

        MvObject mv = w.mvOf(AD, account.dn()).orElseThrow();
        assertThat(text(mv, "userPrincipalName")).isEqualTo("alice@contoso.com");
        assertThat(mv.attributes().get("userPrincipalName").contributor().rule())
                .isEqualTo("In from AD - User AccountEnabled");
        assertThat(text(mv, "sourceAnchor")).isEqualTo("E1");
        assertThat(text(mv, "displayName")).isEqualTo("Alice Smith");
        assertThat(mv.attributes().get("displayName").contributor().connector()).isEqualTo(RES);
        assertThat(text(mv, "department")).isEqualTo("Sales");
        assertThat(mv.attributes().get("department").contributor().rule()).isEqualTo("In from AD - User Common");
        assertThat(text(mv, "objectSid")).isEqualTo("S-1-5-21-1-1001");
    }

    /** "it is expected to find an enabled account in the account forest and a disabled account in the resource forest". */
    @Test
    void whenTheMailboxLeavesTheAttributesFallBackToTheAccountForest() {
        givenALinkedMailbox();
        w.engine.cycle(SyncEngine.Cycle.INITIAL);

        w.res.modify(mailbox.anchor(), List.of(AttributeChange.clear("mailNickname")));
        w.engine.cycle(SyncEngine.Cycle.DELTA);

        MvObject mv = w.mvOf(AD, account.dn()).orElseThrow();
        assertThat(text(mv, "displayName")).isEqualTo("Alice (account forest)");
        assertThat(mv.attributes().get("displayName").contributor().connector()).isEqualTo(AD);
        assertThat(text(w.cloud.findByDn("CN=Alice,OU=Users,DC=cloud").orElseThrow(), "displayName"))
                .isEqualTo("Alice (account forest)");
    }

    /**
     * "A metaverse object remains as long as there's one sync rule in scope with Link Type set to Provision or
     * StickyJoin."
     */
    @Test
    void deletingTheAccountKeepsThePersonWhileTheMailboxIsInScopeOfItsProvisionRule() {
        givenALinkedMailbox();
        w.engine.cycle(SyncEngine.Cycle.INITIAL);

        w.ad.delete(account.anchor());
        w.engine.cycle(SyncEngine.Cycle.DELTA);

        assertThat(w.mvCount()).isEqualTo(1);
        MvObject mv = w.mvOf(RES, mailbox.dn()).orElseThrow();
        assertThat(text(mv, "sourceAnchor")).isEqualTo("R9");
        assertThat(mv.values("userPrincipalName")).isEmpty();
        assertThat(mv.values("department")).isEmpty();
        assertThat(w.cloud.findByDn("CN=Alice,OU=Users,DC=cloud")).isPresent();
    }

    @Test
    void aChangeInTheLowerPrecedenceForestDoesNotOverrideTheWinner() {
        givenALinkedMailbox();
        w.engine.cycle(SyncEngine.Cycle.INITIAL);

        w.ad.modify(
                account.anchor(),
                List.of(AttributeChange.replace("displayName", List.of(AttributeValue.text("Alice (renamed in AD)")))));
        w.engine.cycle(SyncEngine.Cycle.DELTA);

        assertThat(text(w.mvOf(AD, account.dn()).orElseThrow(), "displayName")).isEqualTo("Alice Smith");
    }
}
