package io.jynamo.internal.metadata;

import io.jynamo.annotations.LocalIndex;
import jakarta.persistence.Index;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an entity's secondary indexes: global ones from {@code @Table(indexes)}, local ones from
 * {@code @LocalIndex}. Each key must name a mapped attribute stored as a string, number or binary.
 */
final class IndexReader {

    private IndexReader() {
    }

    static List<IndexMeta> indexes(Class<?> type, List<AttributeMeta> attributes, AttributeMeta pk, AttributeMeta sk,
                                   String where) {
        List<IndexMeta> indexes = new ArrayList<>();
        Table table = Annotations.get(type, Table.class);
        if (table != null) {
            for (Index index : table.indexes()) {
                String[] columns = index.columnList().split(",");
                if (index.name().isEmpty() || columns.length < 1 || columns.length > 2) {
                    throw new PersistenceException(where + " @Index(name=\"" + index.name() + "\", columnList=\""
                            + index.columnList() + "\") must have a name and one or two columns: partition key[, sort key]");
                }
                AttributeMeta ipk = indexKey(attributes, columns[0].trim(), where, index.name());
                AttributeMeta isk = columns.length == 2 ? indexKey(attributes, columns[1].trim(), where, index.name()) : null;
                indexes.add(new IndexMeta(index.name(), ipk, isk, true));
            }
        }
        for (LocalIndex li : Annotations.all(type, LocalIndex.class)) {
            if (sk == null) {
                throw new PersistenceException(where + " @LocalIndex(\"" + li.name()
                        + "\") needs a table with a sort key: local indexes share the partition key and replace the sort key");
            }
            indexes.add(new IndexMeta(li.name(), pk, indexKey(attributes, li.sortKey(), where, li.name()), false));
        }
        return indexes;
    }

    private static AttributeMeta indexKey(List<AttributeMeta> attributes, String column, String where, String index) {
        for (AttributeMeta a : attributes) {
            if (a.storedName().equals(column) || a.name().equals(column)) {
                if (!a.keyable()) {
                    throw new PersistenceException(where + " index '" + index + "' key '" + column
                            + "' is stored as " + a.kind() + "; index keys must be strings, numbers or binary");
                }
                return a;
            }
        }
        throw new PersistenceException(where + " index '" + index + "' names '" + column
                + "', which is not an attribute; known: " + attributes.stream().map(AttributeMeta::name).toList());
    }
}
