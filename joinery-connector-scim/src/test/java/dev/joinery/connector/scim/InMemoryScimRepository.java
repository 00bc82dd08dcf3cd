package dev.joinery.connector.scim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.directory.scim.core.repository.DefaultPatchHandler;
import org.apache.directory.scim.core.repository.Repository;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.exception.ConflictResourceException;
import org.apache.directory.scim.spec.exception.ResourceException;
import org.apache.directory.scim.spec.filter.Filter;
import org.apache.directory.scim.spec.filter.FilterExpressions;
import org.apache.directory.scim.spec.filter.FilterResponse;
import org.apache.directory.scim.spec.filter.PageRequest;
import org.apache.directory.scim.spec.filter.SortRequest;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.resources.ScimResource;

/**
 * The store behind the SCIMple server of the tests: resources in insertion order, one attribute unique ignoring
 * case (a user's userName, a group's displayName; 409 on a clash, as RFC 7643 §4.1.1 makes userName unique), 404
 * for an unknown id, correct paging ({@code startIndex} is 1-based, {@code totalResults} counts every match).
 * Thread-safe by locking.
 */
abstract class InMemoryScimRepository<T extends ScimResource> implements Repository<T> {
    private final Map<String, T> resources = new LinkedHashMap<>();
    private final Class<T> type;
    private final String schemaUrn;
    private final Function<T, String> uniqueValue;
    private final String uniqueName;
    SchemaRegistry schemaRegistry;

    InMemoryScimRepository(
            Class<T> type, String schemaUrn, String uniqueName, Function<T, String> uniqueValue, SchemaRegistry r) {
        this.type = type;
        this.schemaUrn = schemaUrn;
        this.uniqueName = uniqueName;
        this.uniqueValue = uniqueValue;
        this.schemaRegistry = r;
    }

    @Override
    public Class<T> getResourceClass() {
        return type;
    }

    /** Removes everything; the fixture calls it before each test. */
    synchronized void clear() {
        resources.clear();
    }

    @Override
    public synchronized T create(T resource) throws ResourceException {
        checkUnique(null, resource);
        resource.setId(UUID.randomUUID().toString());
        resources.put(resource.getId(), resource);
        return resource;
    }

    @Override
    public synchronized T update(
            String id, String version, T resource, Set<AttributeReference> included, Set<AttributeReference> excluded)
            throws ResourceException {
        existing(id);
        checkUnique(id, resource);
        resource.setId(id);
        resources.put(id, resource);
        return resource;
    }

    @Override
    public synchronized T patch(
            String id,
            String version,
            List<PatchOperation> operations,
            Set<AttributeReference> included,
            Set<AttributeReference> excluded)
            throws ResourceException {
        T patched = new DefaultPatchHandler(schemaRegistry).apply(existing(id), operations);
        checkUnique(id, patched);
        resources.put(id, patched);
        return patched;
    }

    @Override
    public synchronized T get(String id) throws ResourceException {
        return existing(id);
    }

    @Override
    public synchronized void delete(String id) throws ResourceException {
        existing(id);
        resources.remove(id);
    }

    @Override
    public synchronized FilterResponse<T> find(Filter filter, PageRequest page, SortRequest sort) {
        Predicate<ScimResource> matches =
                filter == null ? r -> true : FilterExpressions.inMemory(filter, schemaRegistry.getSchema(schemaUrn));
        List<T> all = new ArrayList<>();
        for (T r : resources.values()) {
            if (matches.test(r)) {
                all.add(r);
            }
        }
        int start = page.getStartIndex() == null ? 0 : Math.max(0, page.getStartIndex() - 1);
        int count = page.getCount() == null ? all.size() : page.getCount();
        List<T> slice = all.subList(Math.min(start, all.size()), Math.min(all.size(), start + count));
        return new FilterResponse<>(new ArrayList<>(slice), page, all.size());
    }

    private T existing(String id) throws ResourceException {
        T r = resources.get(id);
        if (r == null) {
            throw new ResourceException(404, "Resource " + id + " not found");
        }
        return r;
    }

    private void checkUnique(String id, T resource) throws ConflictResourceException {
        String value = uniqueValue.apply(resource);
        if (value == null) {
            return;
        }
        for (T other : resources.values()) {
            if (!other.getId().equals(id) && value.equalsIgnoreCase(uniqueValue.apply(other))) {
                throw new ConflictResourceException("Another resource already has " + uniqueName + " '" + value + "'");
            }
        }
    }
}
