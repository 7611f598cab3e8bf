package io.jynamo.internal.metadata;

/**
 * A numeric {@code @GeneratedValue} id's generator: the counter item that hands out its ids in blocks.
 *
 * @param name           the generator's name, for messages
 * @param table          the unit's generator table ({@code jynamo.table-prefix} + {@code jynamo_sequences})
 * @param key            the counter item's key: the generator name, {@code @SequenceGenerator(sequenceName)} or
 *                       {@code @TableGenerator(pkColumnValue)}
 * @param first          the first id the counter hands out
 * @param allocationSize how many ids one counter update reserves
 * @param idType         the id attribute's declared type: int, long, Integer, Long or BigInteger
 */
public record IdGeneratorMeta(String name, String table, String key, long first, int allocationSize, Class<?> idType) {

    /** The generator table's name without the unit's table prefix. */
    public static final String TABLE = "jynamo_sequences";
}
