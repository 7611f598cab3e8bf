package io.jynamo.tck.mapping;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.util.Calendar;
import java.util.Date;

/** One ordered value type per attribute, each the sort key of an index under the partition key {@code grp}. */
@Entity
@Table(indexes = {
        @Index(name = "byChar", columnList = "grp, aChar"),
        @Index(name = "byShort", columnList = "grp, aShort"),
        @Index(name = "byByte", columnList = "grp, aByte"),
        @Index(name = "byUtilDate", columnList = "grp, utilDate"),
        @Index(name = "byUtilTime", columnList = "grp, utilTime"),
        @Index(name = "byUtilTimestamp", columnList = "grp, utilTimestamp"),
        @Index(name = "byCalendarDate", columnList = "grp, calendarDate"),
        @Index(name = "byCalendarTime", columnList = "grp, calendarTime"),
        @Index(name = "byCalendarTimestamp", columnList = "grp, calendarTimestamp"),
        @Index(name = "bySqlDate", columnList = "grp, sqlDate"),
        @Index(name = "bySqlTime", columnList = "grp, sqlTime"),
        @Index(name = "bySqlTimestamp", columnList = "grp, sqlTimestamp"),
        @Index(name = "byOffsetTime", columnList = "grp, offsetTime"),
        @Index(name = "byOffsetDateTime", columnList = "grp, offsetDateTime"),
        @Index(name = "byInstant", columnList = "grp, instant"),
        @Index(name = "byYear", columnList = "grp, year"),
        @Index(name = "byLocalDate", columnList = "grp, localDate"),
        @Index(name = "byLocalTime", columnList = "grp, localTime"),
        @Index(name = "byLocalDateTime", columnList = "grp, localDateTime")})
public class OrderedValues {
    @Id
    public String id;
    public String grp;

    public Character aChar;
    public short aShort;
    public byte aByte;
    @Temporal(TemporalType.DATE)
    public Date utilDate;
    @Temporal(TemporalType.TIME)
    public Date utilTime;
    @Temporal(TemporalType.TIMESTAMP)
    public Date utilTimestamp;
    @Temporal(TemporalType.DATE)
    public Calendar calendarDate;
    @Temporal(TemporalType.TIME)
    public Calendar calendarTime;
    @Temporal(TemporalType.TIMESTAMP)
    public Calendar calendarTimestamp;
    public java.sql.Date sqlDate;
    public java.sql.Time sqlTime;
    public java.sql.Timestamp sqlTimestamp;
    public OffsetTime offsetTime;
    public OffsetDateTime offsetDateTime;
    public Instant instant;
    public Year year;
    public LocalDate localDate;
    public LocalTime localTime;
    public LocalDateTime localDateTime;

    public OrderedValues() {
    }
}
