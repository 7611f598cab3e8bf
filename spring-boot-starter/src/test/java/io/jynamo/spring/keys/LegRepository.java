package io.jynamo.spring.keys;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** CRUD by the id class, and finders fixing the first parts of the key. */
public interface LegRepository extends JpaRepository<Leg, Leg.Key> {

    List<Leg> findByRouteAndDay(String route, int day);

    List<Leg> findByRouteAndDayAndStop(String route, int day, String stop);
}
