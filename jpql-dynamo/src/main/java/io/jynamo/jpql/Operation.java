package io.jynamo.jpql;

/** The DynamoDB operation a bound plan needs. */
public enum Operation {
    /** GetItem of one full primary key */
    GET_ITEM,
    /** BatchGetItem of listed primary keys */
    BATCH_GET_ITEM,
    /** Query of a table or index partition */
    QUERY,
    /** Scan of a table */
    SCAN
}
