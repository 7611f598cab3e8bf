package io.jynamo.internal.idgen;

import io.jynamo.internal.dynamo.Dynamo;
import io.jynamo.internal.metadata.IdGeneratorMeta;
import jakarta.persistence.PersistenceException;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The numeric id generators of one factory (hi/lo). Each generator is a counter item in the unit's generator
 * table holding how many ids were reserved so far; a block of {@code allocationSize} ids is reserved with one
 * atomic {@code UpdateItem ADD #next :size} and handed out from memory, so 1,000 ids with blocks of 50 cost
 * 20 calls. The id handed out is {@code first + n} for the {@code n}th reserved number. Thread-safe.
 */
public final class IdGenerators {

    /** The generator table's key attribute: the counter's name. */
    public static final String KEY = "name";
    /** The counter attribute: how many ids were reserved so far. */
    public static final String NEXT = "next";

    private final Dynamo dynamo;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public IdGenerators(Dynamo dynamo) {
        this.dynamo = dynamo;
    }

    /** The CreateTable request of a generator table: a string key, on-demand. */
    public static CreateTableRequest createRequest(String table) {
        return CreateTableRequest.builder().tableName(table)
                .keySchema(KeySchemaElement.builder().attributeName(KEY).keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName(KEY).attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST).build();
    }

    /**
     * The next id of a generator, of its id attribute's type; reserves a new block first when this factory's
     * block is used up.
     */
    public Object next(IdGeneratorMeta generator) {
        Counter counter = counters.computeIfAbsent(generator.table() + '\u0000' + generator.key() + '\u0000'
                + generator.allocationSize(), k -> new Counter(generator));
        return convert(counter.next(), generator);
    }

    private static Object convert(long id, IdGeneratorMeta g) {
        Class<?> type = g.idType();
        if (type == int.class || type == Integer.class) {
            if (id > Integer.MAX_VALUE || id < Integer.MIN_VALUE) {
                throw new PersistenceException("Id generator '" + g.name() + "' (counter '" + g.key() + "' in table "
                        + g.table() + ") reached " + id + ", beyond an int id; make the id a long or Long");
            }
            return (int) id;
        }
        if (type == BigInteger.class) {
            return BigInteger.valueOf(id);
        }
        return id;
    }

    /** One counter's current block in this factory. */
    private final class Counter {
        private final IdGeneratorMeta generator;
        private long next;
        private long limit;

        Counter(IdGeneratorMeta generator) {
            this.generator = generator;
        }

        synchronized long next() {
            if (next == limit) {
                reserve();
            }
            return next++;
        }

        /**
         * Reserves the next block. ADD is applied atomically, each application to the value the previous one left,
         * so every applied ADD owns a range [total - size, total) that no other ADD, in this JVM or another, can
         * own. Ids are handed out only from the total a response carries, so each block handed out belongs to
         * exactly one applied ADD. If a response is lost and the SDK sends the request again, DynamoDB applies
         * it twice: the first range is never seen by anyone (a wasted block), the second is the one handed out,
         * so a resend can only waste ids, never hand one out twice.
         */
        private void reserve() {
            int size = generator.allocationSize();
            UpdateItemResponse response = dynamo.update(UpdateItemRequest.builder().tableName(generator.table())
                    .key(Map.of(KEY, AttributeValue.fromS(generator.key())))
                    .updateExpression("ADD #next :size")
                    .expressionAttributeNames(Map.of("#next", NEXT))
                    .expressionAttributeValues(Map.of(":size", AttributeValue.fromN(Integer.toString(size))))
                    .returnValues(ReturnValue.UPDATED_NEW).build());
            AttributeValue total = response.hasAttributes() ? response.attributes().get(NEXT) : null;
            if (total == null || total.n() == null) {
                throw new PersistenceException("Id generator '" + generator.name() + "': the counter '" + generator.key()
                        + "' in table " + generator.table() + " returned no number attribute '" + NEXT + "'; "
                        + "check that nothing else writes that item");
            }
            long reserved = Long.parseLong(total.n());
            limit = Math.addExact(generator.first(), reserved);
            next = limit - size;
        }
    }
}
