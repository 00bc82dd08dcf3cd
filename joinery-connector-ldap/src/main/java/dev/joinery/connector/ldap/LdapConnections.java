package dev.joinery.connector.ldap;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.Sleeper;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.net.SocketFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;

/**
 * The connection pool to one directory, over a failover server set, and the retry of reads with exponential
 * backoff. Thread-safe (the pool is).
 */
public final class LdapConnections implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LdapConnections.class.getName());

    /** One read against a connection of the pool. */
    public interface Call<T> {
        T run(LDAPConnection connection) throws LDAPException;
    }

    private final LdapConnectorConfig config;
    private final LDAPConnectionPool pool;
    private final Sleeper sleeper;
    private final String name;

    private LdapConnections(LdapConnectorConfig config, LDAPConnectionPool pool, Sleeper sleeper, String name) {
        this.config = config;
        this.pool = pool;
        this.sleeper = sleeper;
        this.name = name;
    }

    /**
     * Connects and binds, trying again with backoff while the failure is retriable.
     *
     * @throws ConnectorException classified: a refused certificate or bad credentials are permanent
     *     ({@code CONFIGURATION}), an unreachable server retriable ({@code NETWORK})
     */
    static LdapConnections open(LdapConnectorConfig config, Sleeper sleeper, String name) {
        LDAPException last = null;
        long backoff = config.initialBackoff().toMillis();
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            try {
                LDAPConnectionPool pool = createPool(config);
                LOG.log(
                        System.Logger.Level.INFO,
                        "LDAP {0}: connected to {1} as {2} ({3}), pool of {4}",
                        name,
                        config.hosts(),
                        config.bindDn().isEmpty() ? "anonymous" : config.bindDn(),
                        config.security(),
                        config.poolSize());
                return new LdapConnections(config, pool, sleeper, name);
            } catch (LDAPException e) {
                last = e;
                ConnectorError error = classifyConnect(e, config);
                LOG.log(
                        System.Logger.Level.WARNING,
                        "LDAP {0}: connect attempt {1} of {2} failed: {3}",
                        name,
                        attempt,
                        config.maxAttempts(),
                        error.message());
                if (!error.retriable() || attempt == config.maxAttempts()) {
                    throw new ConnectorException(error, e);
                }
                pause(sleeper, backoff);
                backoff *= 2;
            }
        }
        throw new ConnectorException(classifyConnect(last, config), last);
    }

    private static ConnectorError classifyConnect(LDAPException e, LdapConnectorConfig config) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof java.security.cert.CertificateException) {
                return ConnectorError.of(
                        ConnectorError.Code.CONFIGURATION,
                        "the TLS handshake with " + config.hosts() + " failed (is the server's certificate trusted"
                                + " and does it name the host?): " + t.getMessage());
            }
        }
        if (e.getResultCode() == ResultCode.CONNECT_ERROR
                && e.getMessage() != null
                && e.getMessage().contains("certificate")) {
            return ConnectorError.of(
                    ConnectorError.Code.CONFIGURATION,
                    "the server's certificate was refused: " + e.getExceptionMessage());
        }
        return LdapErrorHandler.classify(e, "connect to " + config.hosts());
    }

    private static LDAPConnectionPool createPool(LdapConnectorConfig config) throws LDAPException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) config.connectTimeout().toMillis());
        options.setResponseTimeoutMillis(config.responseTimeout().toMillis());
        options.setUseKeepAlive(true);
        SocketFactory socketFactory = null;
        PostConnectProcessor postConnect = null;
        if (config.security() != LdapConnectorConfig.Security.NONE) {
            SSLUtil ssl = new SSLUtil(trustManager(config));
            if (config.verifyHostname()) {
                options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(false));
            }
            try {
                if (config.security() == LdapConnectorConfig.Security.LDAPS) {
                    socketFactory = ssl.createSSLSocketFactory();
                } else {
                    postConnect = new StartTLSPostConnectProcessor(ssl.createSSLContext());
                }
            } catch (GeneralSecurityException e) {
                throw new LDAPException(ResultCode.LOCAL_ERROR, "cannot set up TLS: " + e.getMessage(), e);
            }
        }
        String[] addresses = new String[config.hosts().size()];
        int[] ports = new int[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            String host = config.hosts().get(i);
            int colon = host.lastIndexOf(':');
            if (colon > 0 && host.indexOf(':') == colon) {
                addresses[i] = host.substring(0, colon);
                ports[i] = Integer.parseInt(host.substring(colon + 1));
            } else {
                addresses[i] = host;
                ports[i] = config.effectivePort();
            }
        }
        BindRequest bind = bindRequest(config);
        FailoverServerSet servers = new FailoverServerSet(addresses, ports, socketFactory, options, bind, postConnect);
        LDAPConnectionPool pool = new LDAPConnectionPool(servers, bind, 1, config.poolSize());
        pool.setRetryFailedOperationsDueToInvalidConnections(true);
        pool.setConnectionPoolName("joinery-ldap");
        return pool;
    }

    private static BindRequest bindRequest(LdapConnectorConfig config) {
        if (config.bindDn().isEmpty() || config.bindPassword() == null) {
            return null;
        }
        char[] password = config.bindPassword().resolve();
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            byte[] bytes = Arrays.copyOf(encoded.array(), encoded.limit());
            Arrays.fill(encoded.array(), (byte) 0);
            return new SimpleBindRequest(config.bindDn(), bytes);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static TrustManager trustManager(LdapConnectorConfig config) {
        if (config.trustedCertificateFile() != null) {
            try {
                return new PEMFileTrustManager(config.trustedCertificateFile().toFile());
            } catch (java.security.KeyStoreException e) {
                throw new ConnectorException(ConnectorError.of(
                        ConnectorError.Code.CONFIGURATION,
                        "cannot read the trusted certificate file " + config.trustedCertificateFile() + ": "
                                + e.getMessage()));
            }
        }
        if (config.trustStoreFile() != null) {
            char[] pin = config.trustStorePassword() == null
                    ? null
                    : config.trustStorePassword().resolve();
            return new TrustStoreTrustManager(config.trustStoreFile().toFile(), pin, null, true);
        }
        return JVMDefaultTrustManager.getInstance();
    }

    /** Runs a read, trying again with backoff on a retriable failure; the connection goes back to the pool. */
    public <T> T read(String what, Call<T> call) {
        long backoff = config.initialBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            LDAPConnection connection;
            try {
                connection = pool.getConnection();
            } catch (LDAPException e) {
                if (!LdapErrorHandler.retriable(e) || attempt >= config.maxAttempts()) {
                    throw LdapErrorHandler.exception(e, what);
                }
                retrying(what, attempt, e);
                pause(sleeper, backoff);
                backoff *= 2;
                continue;
            }
            try {
                T result = call.run(connection);
                pool.releaseConnection(connection);
                return result;
            } catch (LDAPException e) {
                pool.releaseConnectionAfterException(connection, e);
                if (!LdapErrorHandler.retriable(e) || attempt >= config.maxAttempts()) {
                    throw LdapErrorHandler.exception(e, what);
                }
                retrying(what, attempt, e);
                pause(sleeper, backoff);
                backoff *= 2;
            } catch (RuntimeException e) {
                pool.releaseConnection(connection);
                throw e;
            }
        }
    }

    /** Runs a write once: never repeated here, because its effect on a broken connection is unknown. */
    public <T> T write(Call<T> call) throws LDAPException {
        LDAPConnection connection = pool.getConnection();
        try {
            T result = call.run(connection);
            pool.releaseConnection(connection);
            return result;
        } catch (LDAPException e) {
            pool.releaseConnectionAfterException(connection, e);
            throw e;
        }
    }

    public RootDSE rootDse() {
        return read("read the root DSE", c -> {
            RootDSE dse = c.getRootDSE();
            if (dse == null) {
                throw new LDAPException(ResultCode.NO_SUCH_OBJECT, "the server shows no root DSE");
            }
            return dse;
        });
    }

    private void retrying(String what, int attempt, LDAPException e) {
        LOG.log(
                System.Logger.Level.WARNING,
                "LDAP {0}: {1} failed ({2}), attempt {3} of {4}; trying again",
                name,
                what,
                e.getResultCode().getName(),
                attempt,
                config.maxAttempts());
    }

    private static void pause(Sleeper sleeper, long millis) {
        try {
            sleeper.sleep(java.time.Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(ConnectorError.of(ConnectorError.Code.NETWORK, "interrupted while waiting"));
        }
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        pool.close();
    }
}
