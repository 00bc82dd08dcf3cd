package dev.joinery.connector.scim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.resources.ScimExtension;
import org.apache.directory.scim.spec.resources.ScimGroup;

/** Groups of the test server; displayName is unique (it names the group's DN). */
@ApplicationScoped
public class InMemoryGroupRepository extends InMemoryScimRepository<ScimGroup> {
    @Inject
    public InMemoryGroupRepository(SchemaRegistry schemaRegistry) {
        super(ScimGroup.class, ScimGroup.SCHEMA_URI, "displayName", ScimGroup::getDisplayName, schemaRegistry);
    }

    /** For the CDI proxy. */
    protected InMemoryGroupRepository() {
        this(null);
    }

    @Override
    public List<Class<? extends ScimExtension>> getExtensionList() {
        return List.of();
    }
}
