package io.jynamo.jpql;

import java.util.List;

/**
 * The value of a sort key joined from several key attributes (a key of three or more attributes, which the
 * provider stores as a partition key and one string sort key): the values of its first parts, which the provider
 * converts each with its part's converter and joins as it joins stored keys. A plan compares the sort key with it
 * when a statement fixes every part ({@code =}), or reads the sort keys beginning with it when it fixes the first
 * ones ({@code begins_with}, {@code prefix}).
 *
 * @param parts  the values of the first parts, in the sort key's order, each converted as its attribute
 * @param prefix whether only the first parts are fixed: the value ends with the separator that follows them
 */
public record JoinedKey(List<BoundValue> parts, boolean prefix) {
    public JoinedKey {
        parts = List.copyOf(parts);
    }

    @Override
    public String toString() {
        return parts.stream().map(p -> String.valueOf(p.value())).toList() + (prefix ? " ..." : "");
    }
}
