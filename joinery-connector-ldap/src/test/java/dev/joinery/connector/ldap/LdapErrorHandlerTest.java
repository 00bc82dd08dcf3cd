package dev.joinery.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorError.Code;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LdapErrorHandlerTest {

    @ParameterizedTest(name = "{0} -> {1}, retriable {2}")
    @CsvSource({
        "81, NETWORK, true", // server down
        "91, NETWORK, true", // connect error
        "82, NETWORK, true", // local error
        "85, TIMEOUT, true", // client timeout
        "3, TIMEOUT, true", // time limit exceeded
        "51, THROTTLED, true", // busy
        "52, UNAVAILABLE, true", // unavailable
        "68, CONFLICT, false", // entry already exists
        "20, CONFLICT, false", // attribute or value exists
        "32, NOT_FOUND, false", // no such object
        "50, PERMISSION_DENIED, false", // insufficient access rights
        "49, CONFIGURATION, false", // invalid credentials
        "8, CONFIGURATION, false", // strong auth required
        "13, CONFIGURATION, false", // confidentiality required
        "19, CONSTRAINT_VIOLATION, false", // constraint violation
        "65, CONSTRAINT_VIOLATION, false", // object class violation
        "21, CONSTRAINT_VIOLATION, false", // invalid attribute syntax
        "17, CONSTRAINT_VIOLATION, false", // undefined attribute type
        "16, CONSTRAINT_VIOLATION, false", // no such attribute
        "53, CONSTRAINT_VIOLATION, false", // unwilling to perform
        "66, CONSTRAINT_VIOLATION, false", // not allowed on non-leaf
        "67, IMMUTABLE_VIOLATION, false", // not allowed on RDN
        "69, IMMUTABLE_VIOLATION, false", // object class mods prohibited
        "1, OTHER, false" // operations error
    })
    void everyResultCodeHasItsClassification(int resultCode, Code code, boolean retriable) {
        ConnectorError error =
                LdapErrorHandler.classify(new LDAPException(ResultCode.valueOf(resultCode), "diag"), "modify x");

        assertThat(error.code()).isEqualTo(code);
        assertThat(error.retriable()).isEqualTo(retriable);
        assertThat(error.message()).startsWith("modify x: ").contains("(" + resultCode + ")");
    }

    @ParameterizedTest
    @CsvSource({"36", "118", "4096"})
    void anUnknownResultCodeIsPermanentOther(int resultCode) {
        assertThat(LdapErrorHandler.code(ResultCode.valueOf(resultCode))).isEqualTo(Code.OTHER);
    }
}
