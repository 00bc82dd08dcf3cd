package dev.joinery.connector.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorError.Code;
import dev.joinery.connector.spi.ConnectorException;
import java.util.HashMap;
import java.util.Map;

/**
 * Classifies LDAP result codes into the SPI's {@link ConnectorError} codes, retriable or permanent. The
 * table is the contract; {@code LdapErrorHandlerTest} checks it row by row. Stateless and thread-safe.
 */
public final class LdapErrorHandler {
    private static final Map<ResultCode, Code> TABLE = new HashMap<>();

    static {
        // The connection or the server's availability: trying again later may help.
        for (ResultCode rc : new ResultCode[] {
            ResultCode.SERVER_DOWN,
            ResultCode.CONNECT_ERROR,
            ResultCode.LOCAL_ERROR,
            ResultCode.DECODING_ERROR,
            ResultCode.ENCODING_ERROR,
            ResultCode.OTHER,
            ResultCode.INTERACTIVE_TRANSACTION_ABORTED
        }) {
            TABLE.put(rc, Code.NETWORK);
        }
        TABLE.put(ResultCode.TIMEOUT, Code.TIMEOUT);
        TABLE.put(ResultCode.TIME_LIMIT_EXCEEDED, Code.TIMEOUT);
        TABLE.put(ResultCode.BUSY, Code.THROTTLED);
        TABLE.put(ResultCode.ADMIN_LIMIT_EXCEEDED, Code.THROTTLED);
        TABLE.put(ResultCode.UNAVAILABLE, Code.UNAVAILABLE);
        TABLE.put(ResultCode.LOOP_DETECT, Code.UNAVAILABLE);
        // The object or value already there.
        TABLE.put(ResultCode.ENTRY_ALREADY_EXISTS, Code.CONFLICT);
        TABLE.put(ResultCode.ATTRIBUTE_OR_VALUE_EXISTS, Code.CONFLICT);
        // The object is not there.
        TABLE.put(ResultCode.NO_SUCH_OBJECT, Code.NOT_FOUND);
        // The account.
        TABLE.put(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, Code.PERMISSION_DENIED);
        TABLE.put(ResultCode.INVALID_CREDENTIALS, Code.CONFIGURATION);
        TABLE.put(ResultCode.INAPPROPRIATE_AUTHENTICATION, Code.CONFIGURATION);
        TABLE.put(ResultCode.STRONG_AUTH_REQUIRED, Code.CONFIGURATION);
        TABLE.put(ResultCode.CONFIDENTIALITY_REQUIRED, Code.CONFIGURATION);
        TABLE.put(ResultCode.AUTH_METHOD_NOT_SUPPORTED, Code.CONFIGURATION);
        TABLE.put(ResultCode.UNAVAILABLE_CRITICAL_EXTENSION, Code.CONFIGURATION);
        TABLE.put(ResultCode.NOT_SUPPORTED, Code.CONFIGURATION);
        TABLE.put(ResultCode.PROTOCOL_ERROR, Code.CONFIGURATION);
        // The values.
        for (ResultCode rc : new ResultCode[] {
            ResultCode.CONSTRAINT_VIOLATION,
            ResultCode.OBJECT_CLASS_VIOLATION,
            ResultCode.INVALID_ATTRIBUTE_SYNTAX,
            ResultCode.UNDEFINED_ATTRIBUTE_TYPE,
            ResultCode.NO_SUCH_ATTRIBUTE,
            ResultCode.INAPPROPRIATE_MATCHING,
            ResultCode.NAMING_VIOLATION,
            ResultCode.INVALID_DN_SYNTAX,
            ResultCode.NOT_ALLOWED_ON_NONLEAF,
            ResultCode.UNWILLING_TO_PERFORM,
            ResultCode.SIZE_LIMIT_EXCEEDED,
            ResultCode.FILTER_ERROR
        }) {
            TABLE.put(rc, Code.CONSTRAINT_VIOLATION);
        }
        TABLE.put(ResultCode.NOT_ALLOWED_ON_RDN, Code.IMMUTABLE_VIOLATION);
        TABLE.put(ResultCode.OBJECT_CLASS_MODS_PROHIBITED, Code.IMMUTABLE_VIOLATION);
        TABLE.put(ResultCode.AFFECTS_MULTIPLE_DSAS, Code.IMMUTABLE_VIOLATION);
    }

    private LdapErrorHandler() {}

    /** The code of a result code; {@link Code#OTHER} for one the table does not know. */
    public static Code code(ResultCode resultCode) {
        return TABLE.getOrDefault(resultCode, Code.OTHER);
    }

    /** The classified error for a failed LDAP operation, with the server's diagnostic (never a value). */
    public static ConnectorError classify(LDAPException e, String what) {
        Code code = code(e.getResultCode());
        String diagnostic = e.getDiagnosticMessage() == null ? e.getExceptionMessage() : e.getDiagnosticMessage();
        String message = what + ": " + e.getResultCode().getName() + " ("
                + e.getResultCode().intValue() + ")"
                + (diagnostic == null || diagnostic.isBlank() ? "" : ": " + diagnostic.strip());
        return ConnectorError.of(code, message);
    }

    /** As {@link #classify(LDAPException, String)}, naming the attribute concerned. */
    public static ConnectorError classify(LDAPException e, String what, String attribute) {
        ConnectorError error = classify(e, what);
        return attribute == null
                ? error
                : new ConnectorError(error.code(), error.retriable(), error.message(), attribute);
    }

    public static ConnectorException exception(LDAPException e, String what) {
        return new ConnectorException(classify(e, what), e);
    }

    /** Whether a failure is worth another attempt. */
    public static boolean retriable(LDAPException e) {
        return code(e.getResultCode()).retriableByDefault();
    }
}
