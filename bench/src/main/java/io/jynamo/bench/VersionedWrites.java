package io.jynamo.bench;

import jakarta.persistence.EntityManager;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reading a partition of 100 versioned lines, changing each, and writing each back with a condition on its
 * version: 1 Query and 100 conditional UpdateItems, in each mapper.
 */
final class VersionedWrites {

    private VersionedWrites() {
    }

    /** The raw SDK: one UpdateItem per line, SET product and version + 1 if the version is the one read. */
    static int floor(Env env) {
        QueryResponse r = env.client.query(b -> b.tableName("BenchVLine").keyConditionExpression("#o = :o")
                .expressionAttributeNames(Map.of("#o", "owner"))
                .expressionAttributeValues(Map.of(":o", AttributeValue.fromS(ClientOverheadBenchmark.OWNER))).consistentRead(true));
        List<Models.BeanVersionedLine> lines = new ArrayList<>(r.items().size());
        for (Map<String, AttributeValue> item : r.items()) {
            lines.add(Floor.versionedLine(item));
        }
        for (Models.BeanVersionedLine l : lines) {
            l.setProduct("Changed");
            long v = l.getVersion();
            env.client.updateItem(b -> b.tableName("BenchVLine")
                    .key(Map.of("owner", AttributeValue.fromS(l.getOwner()), "seq", AttributeValue.fromN(Integer.toString(l.getSeq()))))
                    .updateExpression("SET #p = :p, #v = :nv").conditionExpression("#v = :v")
                    .expressionAttributeNames(Map.of("#p", "product", "#v", "version"))
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(l.getProduct()),
                            ":nv", AttributeValue.fromN(Long.toString(v + 1)), ":v", AttributeValue.fromN(Long.toString(v)))));
            l.setVersion(v + 1);
        }
        return lines.size();
    }

    /** The Enhanced Client: {@code updateItem} of each bean (its version extension adds the condition). */
    static int enhanced(Env env) {
        List<Models.BeanVersionedLine> lines = new ArrayList<>(100);
        env.versionedLines.query(QueryEnhancedRequest.builder().consistentRead(true)
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(ClientOverheadBenchmark.OWNER).build()))
                .build()).items().forEach(lines::add);
        for (Models.BeanVersionedLine l : lines) {
            l.setProduct("Changed");
            env.versionedLines.updateItem(l);
        }
        return lines.size();
    }

    /** Jynamo: a JPQL query, a setter on each entity, commit. */
    static int jynamo(Env env) {
        try (EntityManager em = env.emf.createEntityManager()) {
            em.getTransaction().begin();
            List<Models.JpaVersionedLine> lines = em.createQuery("SELECT l FROM BenchVLine l WHERE l.owner = :o",
                    Models.JpaVersionedLine.class).setParameter("o", ClientOverheadBenchmark.OWNER).getResultList();
            for (Models.JpaVersionedLine l : lines) {
                l.setProduct("Changed");
            }
            em.getTransaction().commit();
            return lines.size();
        }
    }
}
