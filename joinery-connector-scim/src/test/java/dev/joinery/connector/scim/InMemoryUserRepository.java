package dev.joinery.connector.scim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.extension.EnterpriseExtension;
import org.apache.directory.scim.spec.resources.ScimExtension;
import org.apache.directory.scim.spec.resources.ScimUser;

/** Users of the test server, with the enterprise extension; userName is unique. */
@ApplicationScoped
public class InMemoryUserRepository extends InMemoryScimRepository<ScimUser> {
    @Inject
    public InMemoryUserRepository(SchemaRegistry schemaRegistry) {
        super(ScimUser.class, ScimUser.SCHEMA_URI, "userName", ScimUser::getUserName, schemaRegistry);
    }

    /** For the CDI proxy. */
    protected InMemoryUserRepository() {
        this(null);
    }

    @Override
    public List<Class<? extends ScimExtension>> getExtensionList() {
        return List.of(EnterpriseExtension.class);
    }
}
