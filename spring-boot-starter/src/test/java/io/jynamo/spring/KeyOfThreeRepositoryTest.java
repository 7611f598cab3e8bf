package io.jynamo.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.jynamo.JynamoEntityManagerFactory;
import io.jynamo.JynamoStatistics;
import io.jynamo.spring.keys.KeysApplication;
import io.jynamo.spring.keys.Leg;
import io.jynamo.spring.keys.LegRepository;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Spring Data's repository methods over an entity keyed by three attributes (an {@code @IdClass}): the id class
 * Spring builds finds the item by key, and finders fixing the first parts are a Query (their key condition on the
 * joined sort key, as tck-tests asserts) or a GetItem. Scans are denied.
 */
@SpringBootTest(classes = KeysApplication.class, properties = {"jynamo.scan=deny", "jynamo.table-prefix=spring-keys-"})
class KeyOfThreeRepositoryTest {

    @Autowired
    LegRepository legs;
    @Autowired
    EntityManagerFactory emf;

    @BeforeEach
    void aTimetable() {
        emf.getSchemaManager().truncate();
        emf.getCache().evictAll();
        legs.saveAll(List.of(new Leg("r1", 1, "Station", 10), new Leg("r1", 1, "Harbour", 20),
                new Leg("r1", 11, "Station", 30), new Leg("r2", 1, "Station", 40)));
        emf.getCache().evictAll();
    }

    private JynamoStatistics calls(Runnable work) {
        JynamoStatistics before = emf.unwrap(JynamoEntityManagerFactory.class).statistics();
        work.run();
        return emf.unwrap(JynamoEntityManagerFactory.class).statistics().minus(before);
    }

    @Test
    void crudByTheIdClass() {
        Leg.Key key = new Leg.Key("r1", 1, "Harbour");
        JynamoStatistics find = calls(() -> assertThat(legs.findById(key)).get().extracting(Leg::getSeats).isEqualTo(20));
        assertThat(find.calls("GetItem")).as(find.toString()).isEqualTo(1);
        assertThat(legs.existsById(key)).isTrue();
        assertThat(legs.existsById(new Leg.Key("r1", 2, "Harbour"))).isFalse();
        assertThat(legs.findAllById(List.of(key, new Leg.Key("r2", 1, "Station"))))
                .extracting(Leg::getSeats).containsExactlyInAnyOrder(20, 40);
        Leg changed = legs.findById(key).orElseThrow();
        changed.setSeats(21);
        legs.save(changed);
        assertThat(legs.findById(key)).get().extracting(Leg::getSeats).isEqualTo(21);
        legs.deleteById(key);
        assertThat(legs.findById(key)).isEmpty();
        assertThat(legs.findByRouteAndDay("r1", 1)).extracting(Leg::getStop).containsExactly("Station");
    }

    @Test
    void findersFixingTheFirstPartsAreKeyReads() {
        JynamoStatistics s = calls(() -> assertThat(legs.findByRouteAndDay("r1", 1))
                .extracting(Leg::getStop).containsExactlyInAnyOrder("Station", "Harbour"));
        assertThat(s.calls("Query")).as("one Query, its key condition begins_with(day#stop, '1#'): " + s).isEqualTo(1);
        JynamoStatistics one = calls(() -> assertThat(legs.findByRouteAndDayAndStop("r1", 11, "Station"))
                .extracting(Leg::getSeats).containsExactly(30));
        assertThat(one.calls("GetItem")).as(one.toString()).isEqualTo(1);
    }
}
