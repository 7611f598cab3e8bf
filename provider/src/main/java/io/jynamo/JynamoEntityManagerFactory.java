package io.jynamo;

import jakarta.persistence.EntityManagerFactory;

/**
 * The DynamoDB-specific face of a Jynamo entity manager factory.
 *
 * <pre>{@code
 * JynamoStatistics all = emf.unwrap(JynamoEntityManagerFactory.class).statistics();
 * System.out.printf("%d calls, %.1f RCU, %.1f WCU%n", all.totalCalls(), all.readCapacityUnits(), all.writeCapacityUnits());
 * }</pre>
 */
public interface JynamoEntityManagerFactory extends EntityManagerFactory {

    /**
     * What the factory asked of DynamoDB since it was made, for all its entity managers together plus its own
     * calls (schema generation, id blocks).
     */
    JynamoStatistics statistics();
}
