package dev.joinery.connector.ldap;

import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.DeleteRequest;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyDNRequest;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.controls.PostReadRequestControl;
import com.unboundid.ldap.sdk.controls.PostReadResponseControl;
import dev.joinery.connector.ldap.ad.UnicodePwd;
import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeChange;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.ExportChange;
import dev.joinery.connector.spi.ExportResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Applies export batches: add (object classes from the type's configuration), modify by value, rename or
 * move (modify DN), delete. Objects are found by anchor, never trusted by the DN the engine last saw. Each
 * failure is classified by {@link LdapErrorHandler}; a lost connection fails the batch with a retriable error.
 * Consecutive independent adds go over the pool's connections at once. Not thread-safe.
 */
final class LdapExporter {
    private static final System.Logger LOG = System.getLogger(LdapExporter.class.getName());
    /** Makes adding a present value and deleting an absent one no-ops (AD, Samba, OpenLDAP), so retries are safe. */
    static final String PERMISSIVE_MODIFY_OID = "1.2.840.113556.1.4.1413";

    private final LdapConnectorConfig config;
    private final LdapReader reader;
    private final AnchorCodec anchors;
    /** RFC 4527 post-read: the add's response carries the new entry's anchor (OpenLDAP; not AD). */
    static final String POST_READ_OID = PostReadRequestControl.POST_READ_REQUEST_OID;

    private final boolean permissiveModify;
    private final boolean postRead;
    private final ExecutorService parallel;

    /** @param parallel where independent adds run at once; null to apply every change in turn */
    LdapExporter(
            LdapConnectorConfig config,
            LdapReader reader,
            AnchorCodec anchors,
            boolean permissiveModify,
            boolean postRead,
            ExecutorService parallel) {
        this.config = config;
        this.reader = reader;
        this.anchors = anchors;
        this.permissiveModify = permissiveModify;
        this.postRead = postRead;
        this.parallel = parallel;
    }

    List<ExportResult> export(List<ExportChange> batch) {
        ExportResult[] results = new ExportResult[batch.size()];
        for (int i = 0; i < batch.size(); ) {
            int end = i;
            while (end < batch.size() && batch.get(end) instanceof ExportChange.Add) {
                end++;
            }
            if (end - i > 1 && parallel != null && independent(batch.subList(i, end))) {
                addInParallel(batch, i, end, results);
                i = end;
            } else {
                results[i] = exportOne(batch.get(i));
                i++;
            }
        }
        return List.of(results);
    }

    /**
     * Adds none of which is another's ancestor (the engine puts an add that references another added object in
     * a later batch), so they may be applied in any order: over the pool's connections at once. Every add is
     * whole or absent; when a connection is lost the first such failure is thrown after all have ended.
     */
    private void addInParallel(List<ExportChange> batch, int from, int to, ExportResult[] results) {
        List<Future<ExportResult>> futures = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ExportChange change = batch.get(i);
            futures.add(parallel.submit(() -> exportOne(change)));
        }
        ConnectorException lost = null;
        for (int i = from; i < to; i++) {
            try {
                results[i] = futures.get(i - from).get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ConnectorException ce) {
                    lost = lost == null ? ce : lost;
                } else {
                    throw new IllegalStateException("export of " + batch.get(i).dn() + " failed", e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorException(ConnectorError.of(ConnectorError.Code.NETWORK, "interrupted"));
            }
        }
        if (lost != null) {
            throw lost;
        }
    }

    private static boolean independent(List<ExportChange> adds) {
        java.util.Set<DN> dns = new java.util.HashSet<>();
        for (ExportChange c : adds) {
            try {
                dns.add(new DN(c.dn()));
            } catch (LDAPException e) {
                return false; // applied one by one, each failing on its own
            }
        }
        for (DN dn : dns) {
            for (DN p = dn.getParent(); p != null; p = p.getParent()) {
                if (dns.contains(p)) {
                    return false;
                }
            }
        }
        return true;
    }

    private ExportResult exportOne(ExportChange change) {
        long start = System.nanoTime();
        ExportResult result;
        try {
            result = apply(change);
        } catch (LDAPException e) {
            if (LdapErrorHandler.code(e.getResultCode()) == ConnectorError.Code.NETWORK) {
                // The connection is gone: stop here; the engine repeats the batch, keyed by anchor.
                LOG.log(
                        System.Logger.Level.WARNING,
                        "LDAP {0}: export stopped at {1}: {2}",
                        name(),
                        change.dn(),
                        e.getResultCode());
                throw LdapErrorHandler.exception(e, "export " + kind(change) + " " + change.dn());
            }
            result = ExportResult.failed(LdapErrorHandler.classify(e, kind(change) + " " + change.dn()));
        } catch (ConnectorException e) {
            result = ExportResult.failed(e.error());
        }
        LOG.log(
                System.Logger.Level.INFO,
                "LDAP {0}: export {1} {2} -> {3} in {4} ms",
                name(),
                kind(change),
                change.dn(),
                result.isApplied()
                        ? "applied " + result.anchor()
                        : result.error().code() + ": " + result.error().message(),
                (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    private String name() {
        return reader.connections().name();
    }

    private static String kind(ExportChange change) {
        if (change instanceof ExportChange.Add) {
            return "add";
        } else if (change instanceof ExportChange.Modify) {
            return "modify";
        } else if (change instanceof ExportChange.Rename) {
            return "rename";
        }
        return "delete";
    }

    private ExportResult apply(ExportChange change) throws LDAPException {
        if (change instanceof ExportChange.Add add) {
            return add(add);
        } else if (change instanceof ExportChange.Modify modify) {
            return modify(modify);
        } else if (change instanceof ExportChange.Rename rename) {
            return rename(rename);
        }
        return delete((ExportChange.Delete) change);
    }

    private ExportResult add(ExportChange.Add add) throws LDAPException {
        LdapConnectorConfig.ObjectTypeConfig type = config.objectType(add.objectType());
        if (type == null) {
            return failed(ConnectorError.Code.CONFIGURATION, "object type " + add.objectType() + " is not configured");
        }
        DN dn = LdapScope.dn(add.dn());
        if (!reader.scope().contains(dn)) {
            return failed(ConnectorError.Code.CONSTRAINT_VIOLATION, add.dn() + " is outside the connector's scope");
        }
        Entry entry = new Entry(dn);
        entry.addAttribute("objectClass", type.createObjectClasses().toArray(new String[0]));
        for (Map.Entry<String, List<AttributeValue>> a : add.attributes().entrySet()) {
            if (a.getValue().isEmpty() || a.getKey().equalsIgnoreCase("objectClass")) {
                continue;
            }
            entry.addAttribute(attribute(a.getKey(), a.getValue()));
        }
        AddRequest request = new AddRequest(entry);
        if (postRead) {
            request.addControl(new PostReadRequestControl(anchors.attribute()));
        }
        return reader.connections().write(c -> {
            LDAPResult result = c.add(request);
            PostReadResponseControl read = postRead ? PostReadResponseControl.get(result) : null;
            Entry created = read != null ? read.getEntry() : c.getEntry(dn.toString(), anchors.attribute());
            Anchor anchor = created == null ? null : anchors.read(created);
            if (anchor == null) {
                throw AnchorCodec.missing(dn.toString(), anchors.attribute());
            }
            return ExportResult.applied(anchor);
        });
    }

    private ExportResult modify(ExportChange.Modify modify) throws LDAPException {
        String dn = currentDn(modify.anchor());
        if (dn == null) {
            return notFound(modify.anchor());
        }
        List<Modification> mods = new ArrayList<>();
        for (AttributeChange change : modify.changes()) {
            String name = change.name();
            byte[][] values = values(name, change.values());
            switch (change.operation()) {
                case ADD -> mods.add(new Modification(ModificationType.ADD, name, values));
                case DELETE -> mods.add(new Modification(ModificationType.DELETE, name, values));
                case REPLACE -> mods.add(new Modification(ModificationType.REPLACE, name, values));
                case CLEAR -> mods.add(new Modification(ModificationType.REPLACE, name));
            }
        }
        if (!mods.isEmpty()) {
            ModifyRequest request = new ModifyRequest(dn, mods);
            if (permissiveModify) {
                request.addControl(new Control(PERMISSIVE_MODIFY_OID, false));
            }
            reader.connections().write(c -> c.modify(request));
        }
        return ExportResult.applied(modify.anchor());
    }

    private ExportResult rename(ExportChange.Rename rename) throws LDAPException {
        String dn = currentDn(rename.anchor());
        if (dn == null) {
            return notFound(rename.anchor());
        }
        DN current = LdapScope.dn(dn);
        DN target = LdapScope.dn(rename.newDn());
        if (current.equals(target)) {
            return ExportResult.applied(rename.anchor());
        }
        RDN newRdn = target.getRDN();
        DN newParent = target.getParent();
        String newSuperior = newParent == null || newParent.equals(current.getParent()) ? null : newParent.toString();
        reader.connections().write(c -> c.modifyDN(new ModifyDNRequest(dn, newRdn.toString(), true, newSuperior)));
        return ExportResult.applied(rename.anchor());
    }

    private ExportResult delete(ExportChange.Delete delete) throws LDAPException {
        String dn = currentDn(delete.anchor());
        if (dn == null) {
            return notFound(delete.anchor());
        }
        reader.connections().write(c -> c.delete(new DeleteRequest(dn)));
        return ExportResult.applied(delete.anchor());
    }

    private String currentDn(Anchor anchor) throws LDAPException {
        return reader.connections().write(c -> reader.dnOf(c, anchor));
    }

    private Attribute attribute(String name, List<AttributeValue> values) {
        return new Attribute(name, values(name, values));
    }

    private byte[][] values(String name, List<AttributeValue> values) {
        if (UnicodePwd.is(name)) {
            if (config.security() != LdapConnectorConfig.Security.LDAPS) {
                throw new ConnectorException(ConnectorError.onAttribute(
                        ConnectorError.Code.CONFIGURATION, name, "a password is only set over LDAPS"));
            }
            byte[][] out = new byte[values.size()][];
            for (int i = 0; i < out.length; i++) {
                AttributeValue v = values.get(i);
                out[i] = v instanceof AttributeValue.Binary b ? b.bytes() : UnicodePwd.encode(v.toString());
            }
            return out;
        }
        return EntryMapper.bytes(values);
    }

    private static ExportResult notFound(Anchor anchor) {
        return failed(ConnectorError.Code.NOT_FOUND, "no object has the anchor " + anchor);
    }

    private static ExportResult failed(ConnectorError.Code code, String message) {
        return ExportResult.failed(ConnectorError.of(code, message));
    }
}
