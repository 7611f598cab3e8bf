package io.jynamo.bench;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

/** The floor's hand-written mapping: what any mapper has to do at the least, written out for these classes. */
final class Floor {

    private Floor() {
    }

    static Map<String, AttributeValue> item(Models.BeanUser u) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("email", AttributeValue.fromS(u.getEmail()));
        item.put("firstName", AttributeValue.fromS(u.getFirstName()));
        item.put("lastName", AttributeValue.fromS(u.getLastName()));
        item.put("age", AttributeValue.fromN(Integer.toString(u.getAge())));
        item.put("score", AttributeValue.fromN(Long.toString(u.getScore())));
        item.put("active", AttributeValue.fromBool(u.isActive()));
        return item;
    }

    static Models.BeanUser user(Map<String, AttributeValue> item) {
        Models.BeanUser u = new Models.BeanUser();
        u.setEmail(item.get("email").s());
        u.setFirstName(item.get("firstName").s());
        u.setLastName(item.get("lastName").s());
        u.setAge(Integer.parseInt(item.get("age").n()));
        u.setScore(Long.parseLong(item.get("score").n()));
        u.setActive(item.get("active").bool());
        return u;
    }

    static <L extends Models.BeanLine> L line(Map<String, AttributeValue> item, L l) {
        l.setOwner(item.get("owner").s());
        l.setSeq(Integer.parseInt(item.get("seq").n()));
        l.setProduct(item.get("product").s());
        l.setQuantity(Integer.parseInt(item.get("quantity").n()));
        l.setPrice(Long.parseLong(item.get("price").n()));
        l.setShipped(item.get("shipped").bool());
        return l;
    }

    static Models.BeanVersionedLine versionedLine(Map<String, AttributeValue> item) {
        Models.BeanVersionedLine l = line(item, new Models.BeanVersionedLine());
        l.setVersion(Long.parseLong(item.get("version").n()));
        return l;
    }
}
