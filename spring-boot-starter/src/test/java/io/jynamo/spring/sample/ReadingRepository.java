package io.jynamo.spring.sample;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Finders on the partition key and the sort key, with paging and sorting on the sort key. */
public interface ReadingRepository extends JpaRepository<Reading, Reading.Key> {

    List<Reading> findBySensor(String sensor);

    List<Reading> findBySensor(String sensor, Sort sort);

    List<Reading> findBySensorOrderBySeqDesc(String sensor);

    List<Reading> findBySensorAndSeqBetween(String sensor, long from, long to);

    List<Reading> findBySensorAndSeqGreaterThan(String sensor, long after);

    List<Reading> findBySensorAndSeqLessThanEqualOrderBySeqDesc(String sensor, long upTo);

    Page<Reading> findBySensor(String sensor, Pageable pageable);

    Slice<Reading> findSliceBySensor(String sensor, Pageable pageable);

    List<Reading> findTop3BySensorOrderBySeqDesc(String sensor);

    Reading findBySensorAndSeq(String sensor, long seq);

    long countBySensor(String sensor);

    List<Reading> findBySensorAndStatus(String sensor, String status);

    List<Reading> findByStatus(String status);

    List<Reading> findBySensorOrderByValueAsc(String sensor);

    @Query("select r from Reading r where r.sensor = :sensor and r.seq > :after order by r.seq desc")
    List<Reading> latestAfter(@Param("sensor") String sensor, @Param("after") long after);
}
