package io.jynamo.spring;

import io.jynamo.JynamoEntityManager;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.repository.support.JpaEntityInformation;
import org.springframework.data.jpa.repository.support.SimpleJpaRepository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * The base class of the repositories the starter registers: Spring Data JPA's own, whose methods on many entities
 * read what they need in BatchGetItem calls. {@code SimpleJpaRepository} reads one entity at a time where a DynamoDB
 * model makes that common: {@code saveAll} merges each entity it does not take for new (an assigned id and no
 * {@code @Version}: merge reads its key first), {@code deleteAll(Iterable)} and {@code deleteAllById} find each
 * entity or id, and {@code findAllById} finds each composite id. Against DynamoDB each of those is a round trip.
 * Here:
 * <ul>
 *   <li>{@code saveAll} persists the new entities as {@code save} does and merges each run of the others with
 *       {@link JynamoEntityManager#mergeAll}: 100 entities with assigned ids are one BatchGetItem, not 100 GetItems;</li>
 *   <li>{@code findAllById} of composite ids (which Spring Data finds one by one) is {@link JynamoEntityManager#findAll};</li>
 *   <li>{@code deleteAll(Iterable)} and {@code deleteAllById} first load the entities of those ids with
 *       {@link JynamoEntityManager#findAll}, then delete as Spring Data does, finding them managed.</li>
 * </ul>
 * What each method does is otherwise Spring Data's: the same results, callbacks, exceptions and writes.
 *
 * <p>An application with its own {@code @EnableJpaRepositories} (which turns the starter's registration off) gets
 * this with {@code @EnableJpaRepositories(repositoryBaseClass = JynamoJpaRepository.class)}.
 *
 * @param <T>  the entity type
 * @param <ID> the id type
 */
@Transactional(readOnly = true)
public class JynamoJpaRepository<T, ID> extends SimpleJpaRepository<T, ID> {

    private final JpaEntityInformation<T, ?> information;
    private final EntityManager entityManager;

    /**
     * Made by Spring Data's repository factory.
     *
     * @param information   the entity's metadata
     * @param entityManager the (shared) entity manager
     */
    public JynamoJpaRepository(JpaEntityInformation<T, ?> information, EntityManager entityManager) {
        super(information, entityManager);
        this.information = information;
        this.entityManager = entityManager;
    }

    @Override
    @Transactional
    public <S extends T> List<S> saveAll(Iterable<S> entities) {
        Assert.notNull(entities, "Entities must not be null");
        List<S> saved = new ArrayList<>();
        List<S> toMerge = new ArrayList<>();
        for (S entity : entities) {
            Assert.notNull(entity, "Entity must not be null");
            if (information.isNew(entity)) {
                merge(toMerge, saved); // in order: an earlier merge may be what this persist refers to
                saved.add(save(entity));
            } else {
                toMerge.add(entity);
            }
        }
        merge(toMerge, saved);
        return saved;
    }

    private <S extends T> void merge(List<S> toMerge, List<S> saved) {
        if (!toMerge.isEmpty()) {
            saved.addAll(jynamo().mergeAll(toMerge));
            toMerge.clear();
        }
    }

    @Override
    public List<T> findAllById(Iterable<ID> ids) {
        Assert.notNull(ids, "Ids must not be null");
        if (!information.hasCompositeId()) {
            return super.findAllById(ids); // an IN query: one BatchGetItem per 100 keys already
        }
        List<Object> all = new ArrayList<>();
        ids.forEach(all::add);
        return all.contains(null) ? super.findAllById(ids) : jynamo().findAll(getDomainClass(), all);
    }

    @Override
    @Transactional
    public void deleteAll(Iterable<? extends T> entities) {
        Assert.notNull(entities, "Entities must not be null");
        List<Object> ids = new ArrayList<>();
        for (T entity : entities) {
            if (entity != null && !information.isNew(entity) && !entityManager.contains(entity)) {
                ids.add(information.getId(entity));
            }
        }
        load(ids);
        super.deleteAll(entities);
    }

    @Override
    @Transactional
    public void deleteAllById(Iterable<? extends ID> ids) {
        Assert.notNull(ids, "Ids must not be null");
        List<Object> all = new ArrayList<>();
        ids.forEach(all::add);
        load(all);
        super.deleteAllById(ids);
    }

    /** Reads the entities of these ids into the persistence context, in BatchGetItem calls of 100 keys. */
    private void load(List<Object> ids) {
        if (!ids.isEmpty() && !ids.contains(null)) {
            jynamo().findAll(getDomainClass(), ids);
        }
    }

    private JynamoEntityManager jynamo() {
        return entityManager.unwrap(JynamoEntityManager.class);
    }
}
