package io.jynamo.tck.mapping;

import io.jynamo.tck.model.Color;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
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
import java.util.UUID;

/** One attribute of every value type of issue 10, without indexes: for round trips and stored forms. */
@Entity
public class ValueTypes {
    @Id
    public String id;

    public byte aByte;
    public Byte aByteObject;
    public short aShort;
    public Short aShortObject;
    public char aChar;
    public Character aCharacter;
    public int anInt;
    public Integer anInteger;
    public long aLong;
    public Long aLongObject;
    public float aFloat;
    public Float aFloatObject;
    public double aDouble;
    public Double aDoubleObject;
    public boolean aBoolean;
    public Boolean aBooleanObject;

    public byte[] bytes;
    public Byte[] boxedBytes;
    public char[] chars;
    public Character[] boxedChars;

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
    public UUID uuid;
    public Color ordinalColor;
    @Enumerated(EnumType.STRING)
    public Color namedColor;

    @Lob
    public String lobText;
    @Lob
    public byte[] lobBytes;

    public ValueTypes() {
    }

    public ValueTypes(String id) {
        this.id = id;
    }
}
