package io.jynamo.jpql;

import io.jynamo.jpql.parser.Parser;
import io.jynamo.jpql.testing.TestModels;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deep nesting is refused at a documented depth, and every stage copes with the deepest query allowed. */
class NestingAndSizeLimitsTest {
    private static final int MAX = Parser.MAX_DEPTH;

    private static String parens(int depth) {
        return "SELECT u FROM User u WHERE " + "(".repeat(depth) + "u.age = 1" + ")".repeat(depth);
    }

    private static String nots(int depth) {
        return "SELECT u FROM User u WHERE " + "NOT ".repeat(depth) + "u.age = 1";
    }

    private static String lowers(int depth) {
        return "SELECT u FROM User u WHERE u.name = " + "LOWER(".repeat(depth) + ":p" + ")".repeat(depth);
    }

    /** (a OR (a AND (a OR ...))): nothing flattens, so the planner and renderer nest as deep as the text. */
    private static String alternating(int depth) {
        StringBuilder sb = new StringBuilder("SELECT u FROM User u WHERE u.age = 0");
        for (int i = 0; i < depth; i++) {
            sb.append(i % 2 == 0 ? " OR (" : " AND (").append("u.age = ").append(i + 1);
        }
        return sb.append(")".repeat(depth)).toString();
    }

    /** Arithmetic evaluated in Java: each operator is one level. */
    private static String arithmetic(int levels) {
        return "SELECT u FROM User u WHERE u.age" + " + 1".repeat(levels) + " = 3";
    }

    /** Mixed: every other level a NOT, then a parenthesis, with LOWER at the bottom. */
    private static String mixed(int levels) {
        int lower = levels / 4;
        int rest = levels - lower;
        StringBuilder sb = new StringBuilder("SELECT u FROM User u WHERE ");
        for (int i = 0; i < rest; i++) {
            sb.append(i % 2 == 0 ? "NOT " : "(");
        }
        sb.append("u.name = ").append("LOWER(".repeat(lower)).append(":p").append(")".repeat(lower));
        sb.append(")".repeat(rest / 2));
        return sb.toString();
    }

    @Test
    void nestingUpToTheLimitCompilesBindsAndExplainsOnASmallStack() throws Exception {
        for (String q : new String[] {parens(MAX), nots(MAX), lowers(MAX), alternating(MAX), mixed(MAX), arithmetic(MAX)}) {
            // 512 kB is half the usual default (1 MB): the deepest allowed query fits with room to spare.
            String plan = onSmallStack(() -> {
                CompiledQuery c = JpqlCompiler.compile(q, TestModels.MODEL);
                Map<Object, Object> args = new HashMap<>();
                c.parameters().forEach(p -> args.put(p.key(), "x"));
                return c.bind(args, null).explain();
            });
            assertTrue(plan.contains("operation"), plan);
        }
    }

    @Test
    void onePastTheLimitIsRefusedWithTheLimitNamed() {
        for (String q : new String[] {parens(MAX + 1), nots(MAX + 1), lowers(MAX + 1), alternating(MAX + 1),
                mixed(MAX + 4), arithmetic(MAX + 1)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> JpqlCompiler.compile(q, TestModels.MODEL), q);
            assertTrue(e.getMessage().contains("deeper than " + MAX + " levels"), e.getMessage());
            assertTrue(e.getMessage().contains("line 1, column"), e.getMessage());
        }
    }

    @Test
    void theIssuesOverflowingQueriesAreRefusedNotCrashed() {
        // From the report: 2,978 parentheses, 3,563 nested LOWER( and ~4,700 NOT overflowed the stack.
        for (String q : new String[] {parens(2_978), lowers(3_563), nots(4_700), alternating(3_000),
                parens(100_000), nots(100_000)}) {
            assertThrows(IllegalArgumentException.class, () -> JpqlCompiler.compile(q, TestModels.MODEL));
        }
    }

    @Test
    void fiftyThousandParametersRegisterAndBind() {
        int n = 50_000;
        StringBuilder named = new StringBuilder("SELECT u FROM User u WHERE u.age IN (");
        StringBuilder positional = new StringBuilder("SELECT u FROM User u WHERE u.age IN (");
        for (int i = 1; i <= n; i++) {
            named.append(i == 1 ? "" : ", ").append(":p").append(i);
            positional.append(i == 1 ? "" : ", ").append('?').append(i);
        }
        CompiledQuery byName = JpqlCompiler.compile(named.append(")").toString(), TestModels.MODEL);
        CompiledQuery byPosition = JpqlCompiler.compile(positional.append(")").toString(), TestModels.MODEL);
        assertEquals(n, byName.parameters().size());
        assertEquals(n, byPosition.parameters().size());
        assertEquals(":p" + n, byName.parameters().get(n - 1).label());
        assertSame(byName.parameters().get(12_344), byName.parameter("p12345"));
        assertSame(byPosition.parameters().get(n - 1), byPosition.parameter(n));
        assertNull(byName.parameter(1));
        assertNull(byPosition.parameter("p1"));
        Map<Object, Object> args = new HashMap<>();
        for (int i = 1; i <= n; i++) {
            args.put(i, i);
        }
        BoundPlan plan = byPosition.bind(args, null);
        assertEquals(n, plan.values().size());
    }

    @Test
    void mixingParameterKindsIsStillRefusedAfterManyParameters() {
        StringBuilder q = new StringBuilder("SELECT u FROM User u WHERE u.age IN (");
        for (int i = 1; i <= 1_000; i++) {
            q.append(":p").append(i).append(", ");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JpqlCompiler.compile(q.append("?1)").toString(), TestModels.MODEL));
        assertTrue(e.getMessage().contains("cannot be mixed"), e.getMessage());
    }

    private static <T> T onSmallStack(Supplier<T> work) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        if (failure.get() != null) {
            throw new AssertionError("failed on a 512 kB stack", failure.get());
        }
        return result.get();
    }
}
