package io.jynamo;

import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.List;

/**
 * The DynamoDB-specific operations of a Jynamo entity manager.
 *
 * <pre>{@code
 * JynamoEntityManager jem = em.unwrap(JynamoEntityManager.class);
 * List<User> users = jem.findAll(User.class, List.of("a@x.com", "b@x.com"));
 * System.out.println(jem.explain("SELECT u FROM User u WHERE u.lastName = 'Smith'"));
 * }</pre>
 */
public interface JynamoEntityManager extends EntityManager {

    /**
     * Loads the entities with these primary keys in BatchGetItem calls of up to 100 keys,
     * retrying unprocessed keys. Keys already managed by this entity manager make no call.
     *
     * @return the found entities in the order of {@code ids}; keys with no item are skipped
     * @throws IllegalArgumentException if the class is not an entity or a key has the wrong type
     */
    <T> List<T> findAll(Class<T> entityClass, Collection<?> ids);

    /**
     * Merges each instance, in order, as {@link #merge} does, with the reads merge needs made together: the items of
     * the keys this entity manager does not manage yet are read first, in BatchGetItem calls of up to 100 keys, so
     * that merging n detached instances (or new ones with assigned keys) costs about n/100 calls rather than n.
     * An instance whose key is absent is persisted as a copy, as merge does.
     *
     * @return the managed instances, in the order of {@code entities}
     * @throws IllegalArgumentException if {@code entities} is or holds {@code null}, a non-entity or a removed entity
     */
    <T> List<T> mergeAll(Collection<? extends T> entities);

    /**
     * Describes, without calling DynamoDB, how a JPQL statement would be executed: the operation
     * (GetItem, BatchGetItem, Query, Scan), the table or index, the key condition, the filter, the
     * projection and whether it scans. Parameters need not be bound: they are shown as placeholders
     * ({@code :name}, {@code ?1}) and planned as non-null values, and notes say where the operation
     * depends on the value (an {@code IN :ids} on the key is a BatchGetItem of the bound collection's keys).
     *
     * @throws IllegalArgumentException if the statement is not valid or not supported
     */
    String explain(String jpql);

    /**
     * The number of items of this entity in its table: a Scan with {@code Select=COUNT} over every
     * page, whatever {@code jynamo.scan} says (asking for a table count is asking for that scan).
     */
    long count(Class<?> entityClass);

    /**
     * What this entity manager asked of DynamoDB since it was made: calls by operation, items, consumed
     * capacity units, retries, throttles and unprocessed items. Calls its operations make count here (parallel
     * ones included) and in the factory's {@link JynamoEntityManagerFactory#statistics()}.
     */
    JynamoStatistics statistics();
}
