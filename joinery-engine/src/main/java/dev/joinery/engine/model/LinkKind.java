package dev.joinery.engine.model;

/** How a connector-space object came to be linked to its metaverse object. */
public enum LinkKind {
    /** The connector-space object created the metaverse object (inbound Provision). */
    PROJECTED,
    /** A join rule matched an existing object (inbound or outbound join, or the outbound reverse join on DN). */
    JOINED,
    /** An outbound rule created the connector-space object from the metaverse object. */
    PROVISIONED
}
