package io.jynamo.jpql;

/** The kind of a JPQL statement. */
public enum StatementKind {
    /** SELECT */
    SELECT,
    /** UPDATE (bulk) */
    UPDATE,
    /** DELETE (bulk) */
    DELETE
}
