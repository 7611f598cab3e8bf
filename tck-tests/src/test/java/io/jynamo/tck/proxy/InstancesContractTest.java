package io.jynamo.tck.proxy;

import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.internal.metadata.MetadataBuilder;
import io.jynamo.internal.proxy.Instances;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract the flush relies on ({@code Instances.mayBeDirty}): checked on the provider's hook directly,
 * since through the entity manager a skipped comparison and a comparison that finds nothing look alike.
 * Needs no DynamoDB.
 */
class InstancesContractTest {

    private static EntityMeta meta(Class<?> type) {
        return new MetadataBuilder("").build(List.of(type)).exact(type);
    }

    private static Object loaded(Instances instances, EntityMeta meta, Map<String, AttributeValue> item) {
        Object entity = instances.create(meta);
        meta.load(entity, item);
        instances.clean(entity);
        return entity;
    }

    @Test
    void propertyAccessSetterRecordsAChangeAndCleanForgetsIt() {
        Instances instances = Instances.proxies();
        EntityMeta meta = meta(Gauge.class);
        Gauge g = (Gauge) loaded(instances, meta, Map.of("id", AttributeValue.fromS("g"),
                "reading", AttributeValue.fromN("1"), "label", AttributeValue.fromS("one")));
        assertEquals(Boolean.FALSE, instances.mayBeDirty(g));
        g.getLabel();
        g.getReading();
        assertEquals(Boolean.FALSE, instances.mayBeDirty(g));
        g.setReading(2);
        assertEquals(Boolean.TRUE, instances.mayBeDirty(g));
        instances.clean(g);
        assertEquals(Boolean.FALSE, instances.mayBeDirty(g));
    }

    @Test
    void fieldAccessNonGetterMarksPossiblyDirty() {
        Instances instances = Instances.proxies();
        EntityMeta meta = meta(Book.class);
        Book b = (Book) loaded(instances, meta, Map.of("isbn", AttributeValue.fromS("1"),
                "title", AttributeValue.fromS("Dune"), "pages", AttributeValue.fromN("412")));
        b.getTitle();
        b.getPages();
        b.hashCode();
        b.toString();
        b.equals(b);
        assertEquals(Boolean.FALSE, instances.mayBeDirty(b));
        b.rename("Emma");
        assertEquals(Boolean.TRUE, instances.mayBeDirty(b));
        instances.clean(b);
        b.getTags();
        assertEquals(Boolean.TRUE, instances.mayBeDirty(b), "a getter handing out a mutable collection");
    }

    @Test
    void instancesMadeWithNewAreNotTracked() {
        Instances instances = Instances.proxies();
        assertNull(instances.mayBeDirty(new Book("1", "Dune", 1)));
        assertTrue(instances.isLoaded(new Book("1", "Dune", 1)));
    }

    @Test
    void entityWithAFinalSetterIsLeftToTheSnapshotComparison() {
        Instances instances = Instances.proxies();
        EntityMeta meta = meta(Meter.class);
        Object m = loaded(instances, meta, Map.of("id", AttributeValue.fromS("m"), "total", AttributeValue.fromN("1")));
        assertNull(instances.mayBeDirty(m));
    }

    @Test
    void referenceRunsItsLoaderOnceOnFirstNonKeyCall() {
        Instances instances = Instances.proxies();
        EntityMeta meta = meta(Gauge.class);
        AtomicInteger loads = new AtomicInteger();
        Gauge ref = (Gauge) instances.reference(meta, "g", r -> {
            loads.incrementAndGet();
            meta.load(r, Map.of("id", AttributeValue.fromS("g"), "reading", AttributeValue.fromN("7")));
        });
        assertEquals("g", ref.getId());
        assertFalse(instances.isLoaded(ref));
        assertEquals(0, loads.get());
        assertEquals(7, ref.getReading());
        assertEquals(7, ref.getReading());
        assertEquals(1, loads.get());
        assertTrue(instances.isLoaded(ref));
        assertEquals(Boolean.FALSE, instances.mayBeDirty(ref));
        assertSame(Gauge.class, ref.getClass().getSuperclass());
    }

    @Test
    void proxyClassIsGeneratedOnceAndShared() {
        EntityMeta meta = meta(Gauge.class);
        Object a = Instances.proxies().create(meta);
        Object b = Instances.proxies().create(meta(Gauge.class));
        assertSame(a.getClass(), b.getClass());
        assertEquals(Gauge.class.getName() + "$JynamoProxy", a.getClass().getName());
    }
}
