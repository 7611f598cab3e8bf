package io.jynamo.tck.model;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Every basic type Jynamo stores, as public fields so that tests can set and compare them directly. */
@Entity
public class AllTypes {
    @Id
    public String id;
    public String text;
    public int anInt;
    public Integer anInteger;
    public long aLong;
    public Long aLongObject;
    public short aShort;
    public Short aShortObject;
    public byte aByte;
    public Byte aByteObject;
    public double aDouble;
    public Double aDoubleObject;
    public float aFloat;
    public Float aFloatObject;
    public char aChar;
    public Character aCharacter;
    public boolean aBoolean;
    public Boolean aBooleanObject;
    public BigDecimal bigDecimal;
    public BigInteger bigInteger;
    public byte[] bytes;
    public UUID uuid;
    public Color ordinalColor;
    @Enumerated(EnumType.STRING)
    public Color namedColor;
    public Instant instant;
    public LocalDate localDate;
    public LocalDateTime localDateTime;
    public OffsetDateTime offsetDateTime;
    public LocalTime localTime;
    public Duration duration;

    public AllTypes() {
    }

    public AllTypes(String id) {
        this.id = id;
    }
}
