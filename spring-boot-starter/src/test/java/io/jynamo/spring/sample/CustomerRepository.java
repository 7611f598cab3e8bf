package io.jynamo.spring.sample;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import jakarta.persistence.QueryHint;
import org.springframework.data.repository.query.Param;

/**
 * Finders on the partition key, the two global indexes, and other attributes. A finder that needs a Scan says so
 * with the query hint {@code jynamo.scan=allow}, so that it runs where the application denies scans.
 */
public interface CustomerRepository extends JpaRepository<Customer, String> {

    Optional<Customer> findByEmail(String email);

    boolean existsByEmail(String email);

    @QueryHints(@QueryHint(name = "jynamo.scan", value = "allow"))
    List<Customer> findByCity(String city);

    List<Customer> findByCityOrderByAgeAsc(String city);

    List<Customer> findByCityOrderByAgeDesc(String city);

    List<Customer> findByCityAndAgeGreaterThanEqual(String city, int age);

    List<Customer> findByCityAndAgeBetween(String city, int from, int to);

    Page<Customer> findByCityAndAgeGreaterThanEqual(String city, int age, Pageable pageable);

    Page<Customer> findByCity(String city, Pageable pageable);

    List<Customer> findFirst2ByCityOrderByAgeDesc(String city);

    @QueryHints(@QueryHint(name = "jynamo.scan", value = "allow"))
    long countByCity(String city);

    @QueryHints(@QueryHint(name = "jynamo.scan", value = "allow"))
    List<Customer> findByCityAndActiveTrue(String city);

    @QueryHints(@QueryHint(name = "jynamo.scan", value = "allow"))
    List<Customer> findByName(String name);

    @QueryHints(@QueryHint(name = "jynamo.scan", value = "allow"))
    List<Customer> findByAgeLessThan(int age);

    @QueryHints(@QueryHint(name = "jynamo.scan", value = "allow"))
    List<Customer> findByAgeIn(Collection<Integer> ages);

    List<Customer> findByIdIn(Collection<String> ids);

    @QueryHints(@QueryHint(name = "jynamo.scan", value = "allow"))
    List<Customer> findByEmailIsNull();

    @QueryHints(@QueryHint(name = "jynamo.scan", value = "allow"))
    List<Customer> findByNameNot(String name);

    @QueryHints(@QueryHint(name = "jynamo.scan", value = "allow"))
    List<Customer> findByNameOrEmail(String name, String email);

    @QueryHints(@QueryHint(name = "jynamo.scan", value = "allow"))
    List<Customer> findByNameStartingWith(String prefix);

    @QueryHints(@QueryHint(name = "jynamo.scan", value = "allow"))
    List<Customer> findByNameContaining(String infix);

    @QueryHints(@QueryHint(name = "jynamo.scan", value = "allow"))
    List<Customer> findByNameNotContaining(String infix);

    @QueryHints(@QueryHint(name = "jynamo.scan", value = "allow"))
    List<Customer> findDistinctByName(String name);

    List<Customer> findByNameIgnoreCase(String name);

    List<Customer> findByCityOrderByNameAsc(String city);

    long deleteByCity(String city);

    @Query("select c from Customer c where c.city = :city and c.age >= :minAge")
    List<Customer> adultsIn(@Param("city") String city, @Param("minAge") int minAge);

    @Query("select c from Customer c where c.email = :email")
    Optional<Customer> byEmail(@Param("email") String email);

    @Modifying
    @Query("update Customer c set c.active = :active where c.city = :city")
    int setActiveIn(@Param("city") String city, @Param("active") boolean active);

    @Modifying
    @Query("delete from Customer c where c.city = :city")
    int deleteAllIn(@Param("city") String city);
}
