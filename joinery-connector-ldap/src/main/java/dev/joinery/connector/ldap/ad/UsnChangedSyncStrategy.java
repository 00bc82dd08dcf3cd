package dev.joinery.connector.ldap.ad;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.RootDSE;
import dev.joinery.connector.ldap.AnchorComparisonSyncStrategy;
import dev.joinery.connector.ldap.LdapReader;

/**
 * Active Directory deltas for an account without DirSync rights: objects whose uSNChanged is above the
 * domain controller's highestCommittedUSN at the last import, and deletes by anchor comparison. USNs are per
 * domain controller: the watermark holds only on the DC that issued it, so configure one host (or accept a
 * full import after a failover). Not thread-safe.
 */
public final class UsnChangedSyncStrategy extends AnchorComparisonSyncStrategy {

    public UsnChangedSyncStrategy(LdapReader reader) {
        super(reader, "usn");
    }

    @Override
    protected String currentPosition() {
        RootDSE dse = reader.connections().rootDse();
        String usn = dse.getAttributeValue("highestCommittedUSN");
        if (usn == null) {
            throw new IllegalStateException("the root DSE shows no highestCommittedUSN: not Active Directory?");
        }
        return usn;
    }

    @Override
    protected Filter changedAfter(String position) {
        return Filter.createGreaterOrEqualFilter("uSNChanged", Long.toString(Long.parseLong(position) + 1));
    }
}
