package io.jynamo.jpql;

/** How an attribute is stored in DynamoDB, as far as queries care. */
public enum ValueKind {
    /** S */
    STRING,
    /** N */
    NUMBER,
    /** BOOL */
    BOOLEAN,
    /** B */
    BINARY,
    /** L */
    LIST,
    /** SS, NS or BS */
    SET,
    /** M (an embedded object) */
    MAP
}
