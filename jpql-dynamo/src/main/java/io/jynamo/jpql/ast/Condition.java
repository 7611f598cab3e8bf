package io.jynamo.jpql.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A WHERE condition. The static methods walk the AND/OR/NOT tree for what many passes need alike: its atoms (every
 * condition that is not AND, OR or NOT), the expressions they read, and a copy with the atoms replaced.
 */
public sealed interface Condition permits And, Or, Not, Comparison, Between, Like, In, IsNull, MemberOf, EntityComparison, Truth {

    /** The top-level conjuncts of {@code c}: its operands when it is an AND, else {@code c}; none for {@code null}. */
    static List<Condition> conjuncts(Condition c) {
        return c == null ? List.of() : c instanceof And a ? a.operands() : List.of(c);
    }

    /**
     * The AND of {@code cs}, flat (an operand that is itself an AND gives its operands, so that each conjunct
     * stays one for the planner): {@code null} for none, the condition itself for one.
     */
    static Condition and(List<Condition> cs) {
        List<Condition> flat = new ArrayList<>();
        cs.forEach(c -> flat.addAll(conjuncts(c)));
        return flat.isEmpty() ? null : flat.size() == 1 ? flat.get(0) : new And(flat);
    }

    /** The atoms of {@code c} from left to right: {@code c} itself when it is one. */
    static List<Condition> atoms(Condition c) {
        List<Condition> out = new ArrayList<>();
        addAtoms(c, out);
        return out;
    }

    private static void addAtoms(Condition c, List<Condition> out) {
        if (c instanceof And a) {
            a.operands().forEach(o -> addAtoms(o, out));
        } else if (c instanceof Or o) {
            o.operands().forEach(x -> addAtoms(x, out));
        } else if (c instanceof Not n) {
            addAtoms(n.operand(), out);
        } else {
            out.add(c);
        }
    }

    /** Whether some atom of {@code c} passes {@code test}. */
    static boolean anyAtom(Condition c, Predicate<? super Condition> test) {
        if (c instanceof And a) {
            return anyOf(a.operands(), test);
        }
        if (c instanceof Or o) {
            return anyOf(o.operands(), test);
        }
        if (c instanceof Not n) {
            return anyAtom(n.operand(), test);
        }
        return test.test(c); // every query is planned through this: no list of atoms, no stream
    }

    private static boolean anyOf(List<Condition> operands, Predicate<? super Condition> test) {
        for (Condition o : operands) {
            if (anyAtom(o, test)) {
                return true;
            }
        }
        return false;
    }

    /** {@code c} with each atom replaced by {@code atom}'s result (left to right), its ANDs, ORs and NOTs kept. */
    static Condition map(Condition c, UnaryOperator<Condition> atom) {
        if (c instanceof And a) {
            return new And(a.operands().stream().map(o -> map(o, atom)).toList());
        }
        if (c instanceof Or o) {
            return new Or(o.operands().stream().map(x -> map(x, atom)).toList());
        }
        if (c instanceof Not n) {
            return new Not(map(n.operand(), atom));
        }
        return atom.apply(c);
    }

    /**
     * {@code c} with every path it reads (at any depth, as {@link #expressions}) replaced by {@code path}'s result.
     * For parsed conditions: an {@link EntityComparison}, made by analysis, is kept as it is.
     */
    static Condition mapPaths(Condition c, UnaryOperator<PathExpr> path) {
        return map(c, atom -> {
            if (atom instanceof Comparison x) {
                return new Comparison(Expr.mapPaths(x.left(), path), x.op(), Expr.mapPaths(x.right(), path), x.pos());
            }
            if (atom instanceof Between b) {
                return new Between(Expr.mapPaths(b.value(), path), Expr.mapPaths(b.low(), path),
                        Expr.mapPaths(b.high(), path), b.negated(), b.pos());
            }
            if (atom instanceof Like l) {
                return new Like(Expr.mapPaths(l.value(), path), Expr.mapPaths(l.pattern(), path), l.negated(), l.pos(),
                        l.escape());
            }
            if (atom instanceof In in) {
                return new In(Expr.mapPaths(in.value(), path), in.items().stream().map(i -> Expr.mapPaths(i, path)).toList(),
                        in.negated(), in.pos());
            }
            if (atom instanceof IsNull n) {
                return new IsNull(Expr.mapPaths(n.value(), path), n.negated(), n.pos());
            }
            if (atom instanceof MemberOf m) {
                return new MemberOf(Expr.mapPaths(m.element(), path), path.apply(m.collection()), m.negated(), m.pos());
            }
            return atom;
        });
    }

    /**
     * The value expressions an atom is made of, in the order written (none for AND, OR, NOT, a {@link Truth} and an
     * entity comparison, whose values are compared by key).
     */
    static List<Expr> operands(Condition atom) {
        if (atom instanceof Comparison x) {
            return List.of(x.left(), x.right());
        }
        if (atom instanceof Between b) {
            return List.of(b.value(), b.low(), b.high());
        }
        if (atom instanceof Like l) {
            return List.of(l.value(), l.pattern());
        }
        if (atom instanceof In in) {
            List<Expr> all = new ArrayList<>(in.items());
            all.add(0, in.value());
            return all;
        }
        if (atom instanceof IsNull n) {
            return List.of(n.value());
        }
        if (atom instanceof MemberOf m) {
            return List.of(m.element(), m.collection());
        }
        return List.of();
    }

    /** Every expression the atoms of {@code c} read, at any depth ({@link Expr#nodes}), left to right. */
    static List<Expr> expressions(Condition c) {
        List<Expr> out = new ArrayList<>();
        for (Condition a : atoms(c)) {
            operands(a).forEach(e -> out.addAll(Expr.nodes(e)));
        }
        return out;
    }
}
