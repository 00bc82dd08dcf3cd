/**
 * How a connector declares and reads its configuration.
 *
 * <p>Each option is one declarative {@link dev.joinery.connector.spi.config.Option} constant: name, type,
 * default, description, required flag, validator. The same definition validates {@code joinery.yaml}, prints
 * the CLI help, renders the API schema and the documentation table, so a connector never parses its own
 * settings. A connector kind groups its options in an {@link dev.joinery.connector.spi.config.OptionSet} and
 * publishes them through a {@link dev.joinery.connector.spi.config.ConnectorFactory}, found with
 * {@link java.util.ServiceLoader}. At connect time it reads typed values from its
 * {@link dev.joinery.connector.spi.config.ConnectorConfig}:
 *
 * <pre>{@code
 * public static final Option<String> HOST = Option.string("host").withDescription("LDAP server.").required();
 * public static final Option<Integer> PORT =
 *         Option.integer("port").withDescription("LDAP port.").withDefault(389).withRange(1, 65535);
 * public static final Option<Secret> BIND_PASSWORD =
 *         Option.secret("bind.password").withDescription("Password of bind.dn.").required();
 * public static final OptionSet OPTIONS = OptionSet.of("ldap", HOST, PORT, BIND_PASSWORD);
 *
 * // in open(): the only place the password exists in clear
 * connection.bind(config.get(BIND_DN), config.get(BIND_PASSWORD).reveal());
 * }</pre>
 *
 * <p>Secrets exist in configuration only as references ({@code ${env:NAME}}, {@code ${file:PATH}}), and as
 * {@link dev.joinery.connector.spi.config.Secret} objects that never show their value in {@code toString},
 * equality or exceptions; {@link dev.joinery.connector.spi.config.Secret#reveal()} resolves the reference when
 * the connector connects.
 *
 * <p>Nothing in this package accepts or returns Java {@code null} unless a method says so. Every type here is
 * immutable and thread-safe except {@link dev.joinery.connector.spi.config.ConnectorConfig.Builder}.
 */
package dev.joinery.connector.spi.config;
