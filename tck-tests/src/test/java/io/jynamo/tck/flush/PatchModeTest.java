package io.jynamo.tck.flush;

import io.jynamo.JynamoEntityManager;
import io.jynamo.JynamoProperties;
import io.jynamo.tck.model.User;
import io.jynamo.tck.support.TestUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code jynamo.update-mode=patch} at scale: only changed entities, and only their changed attribute. */
class PatchModeTest {

    @Test
    void changingOneAttributeOnTenOfAThousandSendsTenUpdatesNamingOnlyThatAttribute() {
        try (TestUnit unit = TestUnit.of(User.class).property(JynamoProperties.UPDATE_MODE, "patch").build()) {
            List<String> ids = IntStream.range(0, 1000).mapToObj(i -> "u" + i).toList();
            unit.inTransaction(em -> ids.forEach(id -> em.persist(new User(id, "Samuel", "Adams"))));
            unit.calls().reset();
            unit.inTransaction(em -> {
                List<User> users = em.unwrap(JynamoEntityManager.class).findAll(User.class, ids);
                users.subList(0, 10).forEach(u -> u.setLastName("Smith"));
            });
            List<UpdateItemRequest> updates = unit.calls().requests("updateItem");
            assertEquals(10, updates.size());
            assertEquals(0, unit.calls().count("batchWriteItem"));
            assertEquals(10, unit.calls().count("batchGetItem"), "1,000 keys, 100 a call");
            for (UpdateItemRequest u : updates) {
                assertEquals(List.of("email", "lastName"), u.expressionAttributeNames().values().stream().sorted().toList(),
                        "the changed attribute, and the key in the existence condition");
                assertEquals(List.of("Smith"), u.expressionAttributeValues().values().stream().map(v -> v.s()).toList());
            }
        }
    }
}
