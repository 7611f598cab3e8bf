package io.jynamo.jpql.testing;

import io.jynamo.jpql.ValueKind;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.semantic.Types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded generator of valid queries of the JPQL subset over one entity, with arguments: input for
 * differential tests (DynamoDB's answer against {@link JpqlEvaluator}).
 *
 * <pre>{@code
 * RandomQueries gen = new RandomQueries(entity, 42).values("lastName", List.of("Smith", "Jones"));
 * RandomQueries.Generated g = gen.next();   // g.jpql(), g.args()
 * }</pre>
 */
public final class RandomQueries {
    /**
     * One generated query.
     *
     * @param jpql the query text
     * @param args its arguments by name
     */
    public record Generated(String jpql, Map<Object, Object> args) {
    }

    private final EntityInfo entity;
    private final Random random;
    private final Map<String, List<Object>> samples = new HashMap<>();
    private final List<AttributeInfo> scalars = new ArrayList<>();
    private final List<AttributeInfo> collections = new ArrayList<>();
    private Map<Object, Object> args;
    private boolean clientSide;

    /**
     * @param entity the entity to query (named as in the model)
     * @param seed   the random seed: the same seed gives the same queries
     */
    public RandomQueries(EntityInfo entity, long seed) {
        this.entity = entity;
        this.random = new Random(seed);
        List<String> paths = new ArrayList<>(entity.attributes().keySet());
        paths.sort(null);
        for (String p : paths) {
            AttributeInfo a = entity.attributes().get(p);
            if (a.kind() == ValueKind.LIST || a.kind() == ValueKind.SET) {
                if (a.elementType() != null) {
                    collections.add(a);
                }
            } else if (a.kind() != ValueKind.MAP && a.kind() != ValueKind.BINARY) {
                scalars.add(a);
            }
        }
    }

    /**
     * Sets the values literals and arguments of an attribute are drawn from (for collections: element
     * values). Use the values the test data contains so that queries select something.
     */
    public RandomQueries values(String path, List<?> values) {
        samples.put(path, new ArrayList<>(values));
        return this;
    }

    /**
     * Also generates what runs in Java after the read: functions and arithmetic of attributes in conditions, and
     * ORDER BY any attribute (then the table key, so that the order is total).
     */
    public RandomQueries clientSide() {
        this.clientSide = true;
        return this;
    }

    /** The next query: SELECT e / attributes / COUNT with a random WHERE, sometimes keyed, sometimes ordered. */
    public Generated next() {
        args = new LinkedHashMap<>();
        StringBuilder sb = new StringBuilder("SELECT ");
        int shape = random.nextInt(10);
        if (shape < 6) {
            sb.append("e");
        } else if (shape < 8) {
            sb.append("COUNT(e)");
        } else {
            AttributeInfo a = scalars.get(random.nextInt(scalars.size()));
            sb.append("e.").append(a.path());
            if (!a.path().equals(entity.partitionKey())) {
                sb.append(", e.").append(entity.partitionKey());
            }
        }
        sb.append(" FROM ").append(entity.name()).append(" e");
        boolean keyed = random.nextInt(3) == 0;
        String cond = random.nextInt(8) == 0 ? null : condition(2);
        if (keyed) {
            String key = "e." + entity.partitionKey() + " = " + value(entity.attributes().get(entity.partitionKey()), false);
            cond = cond == null ? key : key + " AND (" + cond + ")";
        }
        if (cond != null) {
            sb.append(" WHERE ").append(cond);
        }
        if (keyed && entity.sortKey() != null && shape < 8 && random.nextBoolean()) {
            sb.append(" ORDER BY e.").append(entity.sortKey()).append(random.nextBoolean() ? " DESC" : "");
        } else if (clientSide && shape < 6 && random.nextInt(3) == 0) {
            AttributeInfo a = scalars.get(random.nextInt(scalars.size()));
            sb.append(" ORDER BY e.").append(a.path()).append(random.nextBoolean() ? " DESC" : "")
                    .append(new String[]{"", "", " NULLS FIRST", " NULLS LAST"}[random.nextInt(4)]);
            sb.append(", e.").append(entity.partitionKey());
            if (entity.sortKey() != null) {
                sb.append(", e.").append(entity.sortKey()).append(random.nextBoolean() ? " DESC" : "");
            }
        }
        return new Generated(sb.toString(), args);
    }

    private String condition(int depth) {
        int r = random.nextInt(depth <= 0 ? 6 : 10);
        if (r < 6) {
            return atom();
        }
        if (r < 8) {
            return "(" + condition(depth - 1) + (r == 6 ? " AND " : " OR ") + condition(depth - 1) + ")";
        }
        if (r == 8) {
            return "NOT (" + condition(depth - 1) + ")";
        }
        return condition(depth - 1) + " AND " + condition(depth - 1);
    }

    private String atom() {
        if (!collections.isEmpty() && random.nextInt(6) == 0) {
            AttributeInfo c = collections.get(random.nextInt(collections.size()));
            if (random.nextBoolean()) {
                return element(c) + (random.nextInt(3) == 0 ? " NOT" : "") + " MEMBER OF e." + c.path();
            }
            return "SIZE(e." + c.path() + ") " + op(true) + " " + random.nextInt(4);
        }
        AttributeInfo a = scalars.get(random.nextInt(scalars.size()));
        String p = "e." + a.path();
        if (clientSide && random.nextInt(5) == 0) {
            String java = javaAtom(a, p);
            if (java != null) {
                return java;
            }
        }
        boolean ordered = Types.orderable(a);
        int k = random.nextInt(12);
        if (k < 4) {
            return p + " " + op(ordered) + " " + value(a, random.nextInt(12) == 0);
        }
        if (k == 4) {
            return p + " IS " + (random.nextBoolean() ? "NOT " : "") + "NULL";
        }
        if (k == 5 || k == 6) {
            StringBuilder sb = new StringBuilder(p).append(random.nextInt(3) == 0 ? " NOT IN (" : " IN (");
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                sb.append(i == 0 ? "" : ", ").append(value(a, random.nextInt(10) == 0));
            }
            return sb.append(")").toString();
        }
        if (k == 7 && ordered) {
            return p + (random.nextInt(3) == 0 ? " NOT" : "") + " BETWEEN " + value(a, false) + " AND " + value(a, false);
        }
        if (k == 8 && a.javaType() == String.class) {
            String s = String.valueOf(sample(a));
            String part = s.isEmpty() ? "" : s.substring(0, 1 + random.nextInt(s.length()));
            String pattern = random.nextBoolean() ? part + "%" : "%" + part + "%";
            return p + (random.nextInt(3) == 0 ? " NOT" : "") + " LIKE " + literalOrParam(pattern, "'" + pattern.replace("'", "''") + "'");
        }
        if (k == 9) {
            for (AttributeInfo b : scalars) {
                if (b != a && b.javaType() == a.javaType() && b.kind() == a.kind() && random.nextBoolean()) {
                    return p + " " + op(ordered) + " e." + b.path();
                }
            }
        }
        return p + " = " + value(a, false);
    }

    /** A condition on the attribute that only Java can evaluate, or {@code null} for types it has none for. */
    private String javaAtom(AttributeInfo a, String p) {
        if (a.javaType() == String.class) {
            return switch (random.nextInt(7)) {
                case 0 -> "UPPER(" + p + ") " + op(true) + " UPPER(" + value(a, random.nextInt(12) == 0) + ")";
                case 1 -> "LOWER(" + p + ") LIKE " + literalOrParam("%b%", "'%b%'");
                case 2 -> "LENGTH(" + p + ") " + op(true) + " " + random.nextInt(6);
                case 3 -> "CONCAT(" + p + ", '-', " + p + ") " + op(true) + " " + value(a, false);
                case 4 -> "SUBSTRING(" + p + ", 2" + (random.nextBoolean() ? ", 2" : "") + ") = " + value(a, false);
                case 5 -> random.nextBoolean() ? "LOCATE('a', " + p + ") " + op(true) + " 1"
                        : "CASE WHEN " + p + " IS NULL THEN 'none' WHEN LENGTH(" + p + ") > 2 THEN " + p
                        + " ELSE 'short' END " + op(true) + " " + value(a, false);
                default -> "(TRIM(" + p + ") = " + value(a, false) + " OR " + p + " IS NULL)";
            };
        }
        if (Types.numeric(a.javaType())) {
            int k = random.nextInt(6);
            if (k == 3) {
                return "MOD(" + p + ", 3) = " + random.nextInt(3);
            }
            String v = value(a, random.nextInt(12) == 0);
            return switch (k) {
                case 0 -> p + " + 1 " + op(true) + " " + v;
                case 1 -> p + " * 2 - " + p + " " + op(true) + " " + v;
                case 2 -> "ABS(" + p + ") " + op(true) + " " + v;
                case 4 -> "-" + p + " " + op(true) + " " + v;
                default -> "NOT (" + p + " / 2 >= " + v + ")";
            };
        }
        return null;
    }

    private String op(boolean ordered) {
        String[] ops = ordered ? new String[]{"=", "<>", "<", "<=", ">", ">="} : new String[]{"=", "<>"};
        return ops[random.nextInt(ops.length)];
    }

    private String element(AttributeInfo c) {
        Object v = sampleOf(c.path(), c.elementType());
        return literalOrParam(v, literal(v));
    }

    private String value(AttributeInfo a, boolean nullable) {
        if (nullable) {
            return random.nextBoolean() ? "NULL" : literalOrParam(null, null);
        }
        Object v = sample(a);
        String lit = literal(v);
        return lit == null ? param(v) : literalOrParam(v, lit);
    }

    private Object sample(AttributeInfo a) {
        return sampleOf(a.path(), a.javaType());
    }

    private Object sampleOf(String path, Class<?> type) {
        List<Object> s = samples.get(path);
        if (s != null && !s.isEmpty()) {
            return s.get(random.nextInt(s.size()));
        }
        if (type == String.class) {
            return new String[]{"a", "b", "ab", "abc", "b'c"}[random.nextInt(5)];
        }
        if (type == Integer.class) return random.nextInt(7) - 1;
        if (type == Long.class) return (long) (random.nextInt(7) - 1);
        if (type == Short.class) return (short) random.nextInt(5);
        if (type == Byte.class) return (byte) random.nextInt(5);
        if (type == Double.class) return random.nextInt(8) / 2.0;
        if (type == Float.class) return random.nextInt(8) / 2.0f;
        if (type == BigDecimal.class) return BigDecimal.valueOf(random.nextInt(8), 1);
        if (type == BigInteger.class) return BigInteger.valueOf(random.nextInt(8));
        if (type == Boolean.class) return random.nextBoolean();
        if (type.isEnum()) {
            Object[] cs = type.getEnumConstants();
            return cs[random.nextInt(cs.length)];
        }
        throw new IllegalStateException("give sample values for " + path + " (" + type.getName() + ")");
    }

    private String literalOrParam(Object v, String literal) {
        if (literal != null && random.nextBoolean()) {
            return literal;
        }
        return param(v);
    }

    private String param(Object v) {
        String name = "p" + args.size();
        args.put(name, v);
        return ":" + name;
    }

    private static String literal(Object v) {
        if (v instanceof String s) {
            return "'" + s.replace("'", "''") + "'";
        }
        if (v instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (v instanceof Enum<?> e) {
            return e.getDeclaringClass().getName().replace('$', '.') + "." + e.name();
        }
        if (v instanceof Double d && !d.isNaN() && !d.isInfinite()) {
            return BigDecimal.valueOf(d).toPlainString();
        }
        if (v instanceof Float f && !f.isNaN() && !f.isInfinite()) {
            return new BigDecimal(f.toString()).toPlainString();
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte || v instanceof BigInteger) {
            return v.toString();
        }
        return null;
    }
}
