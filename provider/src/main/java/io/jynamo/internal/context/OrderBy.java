package io.jynamo.internal.context;

import io.jynamo.internal.metadata.AttributeMeta;
import io.jynamo.internal.metadata.EntityMeta;
import jakarta.persistence.PersistenceException;

import java.util.Comparator;
import java.util.Locale;

/**
 * The order {@code @OrderBy} gives a loaded relationship collection, applied in Java after the Query (the
 * foreign-key index has no sort key to order by): attributes of the target, each {@code ASC} or {@code DESC};
 * an empty value orders by the primary key. Nulls come first in ascending order.
 */
final class OrderBy {

    private OrderBy() {
    }

    static Comparator<Object> comparator(EntityMeta target, String orderBy) {
        Comparator<Object> result = null;
        String spec = orderBy.isBlank()
                ? String.join(", ", target.keyParts().stream().map(AttributeMeta::name).toList()) : orderBy;
        for (String part : spec.split(",")) {
            String[] words = part.trim().split("\\s+");
            AttributeMeta a = target.attribute(words[0]);
            if (a == null) {
                throw new PersistenceException("@OrderBy(\"" + orderBy + "\") names '" + words[0] + "', which is not a"
                        + " basic attribute of " + target.name());
            }
            boolean desc = words.length > 1 && words[1].toUpperCase(Locale.ROOT).equals("DESC");
            @SuppressWarnings({"unchecked", "rawtypes"})
            Comparator<Object> one = Comparator.comparing(e -> (Comparable) a.accessor().get(e),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            one = desc ? one.reversed() : one;
            result = result == null ? one : result.thenComparing(one);
        }
        return result;
    }
}
