package io.jynamo.jpql;

/** What a SELECT returns. */
public enum SelectKind {
    /** {@code SELECT e}: whole entities (also used for UPDATE and DELETE) */
    ENTITY,
    /** {@code SELECT e.a, e.b}: attribute values */
    ATTRIBUTES,
    /** {@code SELECT COUNT(e)}: a Long */
    COUNT
}
