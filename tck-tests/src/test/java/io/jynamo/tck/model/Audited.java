package io.jynamo.tck.model;

import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/** A mapped superclass whose attributes are stored with each subclass entity. */
@MappedSuperclass
public abstract class Audited {
    public String createdBy;
    public Instant createdAt;
}
