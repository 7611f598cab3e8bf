package io.jynamo.jpql.parser;

import io.jynamo.jpql.SelectKind;
import io.jynamo.jpql.StatementKind;
import io.jynamo.jpql.ast.And;
import io.jynamo.jpql.ast.Between;
import io.jynamo.jpql.ast.CaseFunction;
import io.jynamo.jpql.ast.CompareOp;
import io.jynamo.jpql.ast.Comparison;
import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.In;
import io.jynamo.jpql.ast.IsNull;
import io.jynamo.jpql.ast.Like;
import io.jynamo.jpql.ast.Literal;
import io.jynamo.jpql.ast.MemberOf;
import io.jynamo.jpql.ast.Not;
import io.jynamo.jpql.ast.Or;
import io.jynamo.jpql.ast.OrderBy;
import io.jynamo.jpql.ast.Param;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.SetClause;
import io.jynamo.jpql.ast.SizeExpr;
import io.jynamo.jpql.ast.Statement;
import io.jynamo.jpql.lexer.Lexer;
import io.jynamo.jpql.lexer.Token;
import io.jynamo.jpql.lexer.TokenType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser of the JPQL subset: one method per precedence level
 * (OR &lt; AND &lt; NOT &lt; predicate &lt; value). Unsupported JPQL is recognised and refused with
 * the construct's line and column and a hint.
 *
 * <pre>{@code Statement s = Parser.parse("SELECT u FROM User u WHERE u.lastName = :name");}</pre>
 */
public final class Parser {
    private static final Set<String> RESERVED = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "BETWEEN",
            "LIKE", "IN", "IS", "NULL", "MEMBER", "OF", "ORDER", "BY", "GROUP", "HAVING", "JOIN", "LEFT", "INNER",
            "OUTER", "FETCH", "AS", "ASC", "DESC", "UPDATE", "SET", "DELETE", "DISTINCT", "TRUE", "FALSE", "EXISTS",
            "ALL", "ANY", "SOME", "ESCAPE", "EMPTY", "NEW", "CASE", "WHEN", "THEN", "ELSE", "END", "UNION",
            "INTERSECT", "EXCEPT", "ON", "CROSS", "RIGHT", "FULL", "LIMIT", "OFFSET");
    /**
     * Words that may follow a range declaration ({@code FROM Entity e}): without AS, such a word ends the
     * declaration rather than naming the variable ({@code FROM Order AS order} names it).
     */
    private static final Set<String> AFTER_RANGE = Set.of("WHERE", "SET", "ORDER", "GROUP", "HAVING", "JOIN", "LEFT",
            "INNER", "RIGHT", "CROSS", "FULL", "OUTER", "FETCH", "UNION", "INTERSECT", "EXCEPT", "LIMIT", "OFFSET", "ON",
            "AS");
    /** Words that may follow a complete value: before one of them a keyword is a name (an enum constant, say). */
    private static final Set<String> AFTER_VALUE = Set.of("AND", "OR", "ORDER", "GROUP", "HAVING", "BETWEEN", "LIKE",
            "IN", "IS", "NOT", "MEMBER", "ESCAPE", "WHERE", "UNION", "INTERSECT", "EXCEPT", "LIMIT", "OFFSET");
    private static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX");
    private static final Set<String> SPECIAL_FORMS = Set.of("TREAT", "KEY", "VALUE", "ENTRY", "TYPE", "INDEX",
            "FUNCTION", "CAST", "EXTRACT", "COALESCE", "NULLIF", "OBJECT");
    private static final Set<String> NOW = Set.of("CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "LOCAL");
    private static final String NO_JOIN = "DynamoDB has no joins: query one entity and load related entities by key "
            + "(find / getReference)";

    /**
     * How deeply conditions and values may nest: each parenthesised condition, each {@code NOT} and each
     * {@code LOWER(}/{@code UPPER(} is one level. Every later stage (analysis, planning, rendering) walks
     * the tree this parser builds, one frame or a few per level, so this bound is theirs too and no
     * query can exhaust the stack anywhere.
     */
    public static final int MAX_DEPTH = 200;

    private final List<Token> tokens;
    private int current;
    private int depth;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * Parses a statement.
     *
     * @throws IllegalArgumentException for malformed or unsupported JPQL, naming line and column
     */
    public static Statement parse(String jpql) {
        return new Parser(Lexer.tokenize(jpql)).statement();
    }

    // ---- primitives -------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(current);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(current + ahead, tokens.size() - 1));
    }

    private Token advance() {
        Token t = tokens.get(current);
        if (t.type() != TokenType.EOF) {
            current++;
        }
        return t;
    }

    private boolean check(TokenType type) {
        return peek().type() == type;
    }

    private boolean checkWord(String keyword) {
        return peek().is(keyword);
    }

    private boolean matchWord(String keyword) {
        if (checkWord(keyword)) {
            advance();
            return true;
        }
        return false;
    }

    private boolean match(TokenType type) {
        if (check(type)) {
            advance();
            return true;
        }
        return false;
    }

    private Token consume(TokenType type, String expected, String hint) {
        if (check(type)) {
            return advance();
        }
        throw unexpected(expected, hint);
    }

    private Token consumeWord(String keyword, String hint) {
        if (checkWord(keyword)) {
            return advance();
        }
        throw unexpected(keyword, hint);
    }

    /** Enters one nesting level at {@code at}, refusing to go past {@link #MAX_DEPTH}. */
    private void enter(Token at) {
        if (++depth > MAX_DEPTH) {
            throw at.pos().error("the query nests deeper than " + MAX_DEPTH
                            + " levels (parentheses, NOT and LOWER/UPPER count one level each)",
                    "flatten the condition: a = 1 OR a = 2 OR ... needs no parentheses, IN (...) lists many values, "
                            + "NOT NOT x is x");
        }
    }

    private void leave() {
        depth--;
    }

    /**
     * Keywords are contextual, as in Hibernate: a word is a name wherever the grammar needs no keyword. A
     * word followed by '.' starts a path whatever it spells ({@code order.total} for a variable named order).
     */
    private boolean nameHere() {
        Token t = peek();
        return t.type() == TokenType.WORD && (peekAt(1).type() == TokenType.DOT || !RESERVED.contains(t.upper()));
    }

    /** Whether a token can follow a complete value, so that the word before it is a name, not a construct. */
    private static boolean endsValue(Token t) {
        return switch (t.type()) {
            case EOF, RPAREN, COMMA, EQ, NE, LT, LE, GT, GE, PLUS, MINUS, STAR, SLASH -> true;
            case WORD -> AFTER_VALUE.contains(t.upper());
            default -> false;
        };
    }

    private IllegalArgumentException unexpected(String expected, String hint) {
        Token t = peek();
        return t.pos().error("expected " + expected + " but found " + t.describe(), hint);
    }

    // ---- statements -------------------------------------------------------------------------

    private Statement statement() {
        Token first = peek();
        Statement s;
        if (first.is("SELECT")) {
            s = select();
        } else if (first.is("UPDATE")) {
            s = update();
        } else if (first.is("DELETE")) {
            s = delete();
        } else {
            throw unexpected("SELECT, UPDATE or DELETE", "a query starts with SELECT, UPDATE or DELETE");
        }
        if (!check(TokenType.EOF)) {
            Token t = peek();
            if (t.is("UNION") || t.is("INTERSECT") || t.is("EXCEPT")) {
                throw t.pos().error(t.upper() + " is not supported", "run the queries separately");
            }
            if (t.is("GROUP")) {
                throw t.pos().error("GROUP BY is not supported", "DynamoDB cannot aggregate; use COUNT(e) with a WHERE per group");
            }
            if (t.is("HAVING")) {
                throw t.pos().error("HAVING is not supported", "DynamoDB cannot aggregate");
            }
            if (t.is("LIMIT") || t.is("OFFSET")) {
                throw t.pos().error(t.upper() + " is not JPQL", "use setMaxResults / setFirstResult");
            }
            throw unexpected("end of query", "remove the extra text or check the clause order (WHERE before ORDER BY)");
        }
        return s;
    }

    private Statement select() {
        advance(); // SELECT
        if (checkWord("DISTINCT")) {
            throw peek().pos().error("DISTINCT is not supported", "entities are distinct already; project attributes and de-duplicate in Java");
        }
        SelectKind selectKind;
        List<PathExpr> selected = new ArrayList<>();
        Token head = peek();
        if (head.type() == TokenType.WORD && AGGREGATES.contains(head.upper()) && peekAt(1).type() == TokenType.LPAREN) {
            if (!head.is("COUNT")) {
                throw head.pos().error("aggregate function " + head.upper() + " is not supported",
                        "DynamoDB only counts; select the attribute and aggregate in Java");
            }
            advance();
            advance();
            if (checkWord("DISTINCT")) {
                throw peek().pos().error("COUNT(DISTINCT ...) is not supported", "use COUNT(e)");
            }
            PathExpr p = path("the identification variable");
            if (p.names().size() != 1) {
                throw p.pos().error("COUNT(" + p.text() + ") is not supported", "only COUNT(" + p.names().get(0) + ") of whole entities is supported");
            }
            consume(TokenType.RPAREN, "')'", "close COUNT(");
            selected.add(p);
            selectKind = SelectKind.COUNT;
            if (check(TokenType.COMMA)) {
                throw peek().pos().error("COUNT cannot be combined with other select items", "select COUNT(e) alone");
            }
        } else {
            do {
                selected.add(selectItem());
            } while (match(TokenType.COMMA));
            boolean bare = selected.get(0).names().size() == 1;
            for (PathExpr p : selected.subList(1, selected.size())) {
                if (bare || p.names().size() == 1) {
                    throw p.pos().error("select either the entity alone or attributes", "write SELECT e or SELECT e.a, e.b");
                }
            }
            selectKind = bare ? SelectKind.ENTITY : SelectKind.ATTRIBUTES;
        }
        consumeWord("FROM", "write SELECT ... FROM Entity e");
        Token entity = entityName();
        String variable = variable();
        Condition where = null;
        if (matchWord("WHERE")) {
            where = condition();
        }
        OrderBy orderBy = null;
        if (checkWord("GROUP")) {
            throw peek().pos().error("GROUP BY is not supported", "DynamoDB cannot aggregate; use COUNT(e) with a WHERE per group");
        }
        if (checkWord("HAVING")) {
            throw peek().pos().error("HAVING is not supported", "DynamoDB cannot aggregate");
        }
        if (matchWord("ORDER")) {
            consumeWord("BY", "write ORDER BY e.sortKey");
            PathExpr p = valuePathForOrder();
            boolean desc = false;
            if (matchWord("DESC")) {
                desc = true;
            } else {
                matchWord("ASC");
            }
            if (checkWord("NULLS")) {
                throw peek().pos().error("NULLS FIRST/LAST is not supported", "items without the sort key are never in a Query result");
            }
            if (check(TokenType.COMMA)) {
                throw peek().pos().error("ORDER BY more than one attribute is not supported",
                        "DynamoDB orders only by the sort key of the table or index");
            }
            orderBy = new OrderBy(p, desc, p.pos());
        }
        return new Statement(StatementKind.SELECT, entity.text(), entity.pos(), variable, selectKind, selected,
                List.of(), where, orderBy);
    }

    private PathExpr valuePathForOrder() {
        Token t = peek();
        if (!nameHere()) {
            throw unexpected("an attribute path", "write ORDER BY e.sortKey");
        }
        if (peekAt(1).type() == TokenType.LPAREN) {
            throw t.pos().error("ORDER BY a function is not supported", "DynamoDB orders only by the sort key of the table or index");
        }
        PathExpr p = path("an attribute path");
        if (check(TokenType.PLUS) || check(TokenType.MINUS) || check(TokenType.STAR) || check(TokenType.SLASH)) {
            throw peek().pos().error("arithmetic is not supported", "DynamoDB orders only by the sort key");
        }
        return p;
    }

    private PathExpr selectItem() {
        Token t = peek();
        Token next = peekAt(1);
        // A select item is followed by ',' or FROM: before them (or before '.') any word is a name.
        boolean name = t.type() == TokenType.WORD && (next.type() == TokenType.DOT || next.type() == TokenType.COMMA
                || next.is("FROM"));
        if (!name && t.is("NEW")) {
            throw t.pos().error("constructor expressions (NEW) are not supported", "select the attributes and build the object in Java");
        }
        if (!name && t.is("CASE")) {
            throw t.pos().error("CASE is not supported", "select the attributes and compute in Java");
        }
        if (!name && t.is("DISTINCT")) {
            throw t.pos().error("DISTINCT is not supported", "de-duplicate in Java");
        }
        if (t.type() == TokenType.WORD && next.type() == TokenType.LPAREN) {
            refuseFunction(t);
        }
        if (!name && !nameHere()) {
            throw unexpected("the identification variable or an attribute path", "write SELECT e or SELECT e.a, e.b");
        }
        PathExpr p = path("an attribute path");
        if (check(TokenType.PLUS) || check(TokenType.MINUS) || check(TokenType.STAR) || check(TokenType.SLASH)) {
            throw peek().pos().error("arithmetic is not supported", "compute in Java");
        }
        if (checkWord("AS")) {
            throw peek().pos().error("result variables (AS) in SELECT are not supported", "remove the alias");
        }
        return p;
    }

    private Statement update() {
        advance(); // UPDATE
        Token entity = entityName();
        String variable = variable();
        consumeWord("SET", "write UPDATE Entity e SET e.a = value");
        List<SetClause> sets = new ArrayList<>();
        do {
            Token start = peek();
            if (!nameHere()) {
                throw unexpected("an attribute path", "write SET e.a = value");
            }
            PathExpr target = path("an attribute path");
            consume(TokenType.EQ, "'='", "write SET e.a = value");
            Expr value = value();
            sets.add(new SetClause(target, value, start.pos()));
        } while (match(TokenType.COMMA));
        Condition where = null;
        if (matchWord("WHERE")) {
            where = condition();
        }
        return new Statement(StatementKind.UPDATE, entity.text(), entity.pos(), variable, SelectKind.ENTITY,
                List.of(), sets, where, null);
    }

    private Statement delete() {
        advance(); // DELETE
        consumeWord("FROM", "write DELETE FROM Entity e WHERE ...");
        Token entity = entityName();
        String variable = variable();
        Condition where = null;
        if (matchWord("WHERE")) {
            where = condition();
        }
        return new Statement(StatementKind.DELETE, entity.text(), entity.pos(), variable, SelectKind.ENTITY,
                List.of(), List.of(), where, null);
    }

    private Token entityName() {
        Token t = peek();
        if (t.type() == TokenType.LPAREN) {
            throw t.pos().error("subqueries are not supported", "run the inner query first and pass its result as a parameter");
        }
        // Any word: the grammar needs an entity name here, so Order, Group or Select name entities.
        if (t.type() != TokenType.WORD) {
            throw unexpected("an entity name", "write FROM Entity e");
        }
        advance();
        if (check(TokenType.DOT)) {
            throw peek().pos().error("a qualified entity name is not supported", "use the entity name, e.g. FROM User u");
        }
        return t;
    }

    private String variable() {
        boolean as = matchWord("AS");
        Token t = peek();
        // After AS any word names the variable; without it, a word that may follow the declaration ends it.
        if (t.type() != TokenType.WORD || !as && AFTER_RANGE.contains(t.upper())) {
            if (t.is("JOIN") || t.is("LEFT") || t.is("INNER")) {
                throw t.pos().error("JOIN is not supported", NO_JOIN);
            }
            throw unexpected("an identification variable", t.type() == TokenType.WORD && !t.is("AS")
                    ? "the variable is required, e.g. Entity e; to name it like the keyword " + t.upper()
                    + ", declare it with AS: Entity AS " + t.text()
                    : "write FROM Entity e (the variable is required)");
        }
        advance();
        Token next = peek();
        if (next.is("JOIN") || next.is("LEFT") || next.is("INNER") || next.is("RIGHT") || next.is("CROSS")
                || next.is("FULL") || next.is("OUTER") || next.is("FETCH")) {
            throw next.pos().error("JOIN is not supported", NO_JOIN);
        }
        if (next.type() == TokenType.COMMA) {
            throw next.pos().error("JOIN (several entities in FROM) is not supported", NO_JOIN);
        }
        return t.text();
    }

    private PathExpr path(String expected) {
        Token first = peek();
        if (first.type() != TokenType.WORD) {
            throw unexpected(expected, null);
        }
        advance();
        List<String> names = new ArrayList<>();
        names.add(first.text());
        while (match(TokenType.DOT)) {
            Token seg = peek();
            if (seg.type() != TokenType.WORD) {
                throw unexpected("an attribute name after '.'", "write e.attribute or e.embedded.attribute");
            }
            advance();
            names.add(seg.text());
        }
        return new PathExpr(names, first.pos(), null);
    }

    // ---- conditions -------------------------------------------------------------------------

    private Condition condition() {
        List<Condition> ops = new ArrayList<>();
        ops.add(conjunction());
        while (matchWord("OR")) {
            ops.add(conjunction());
        }
        return ops.size() == 1 ? ops.get(0) : new Or(ops);
    }

    private Condition conjunction() {
        List<Condition> ops = new ArrayList<>();
        ops.add(negation());
        while (matchWord("AND")) {
            ops.add(negation());
        }
        return ops.size() == 1 ? ops.get(0) : new And(ops);
    }

    private Condition negation() {
        if (checkWord("NOT") && peekAt(1).type() != TokenType.DOT) {
            enter(advance());
            Condition operand = negation();
            leave();
            return new Not(operand);
        }
        return predicate();
    }

    private Condition predicate() {
        Token t = peek();
        if (t.is("EXISTS") && peekAt(1).type() == TokenType.LPAREN) {
            throw t.pos().error("subqueries (EXISTS) are not supported", "run the inner query first and pass its result as a parameter");
        }
        if (t.type() == TokenType.LPAREN) {
            if (peekAt(1).is("SELECT")) {
                throw peekAt(1).pos().error("subqueries are not supported", "run the inner query first and pass its result as a parameter");
            }
            enter(advance());
            Condition c = condition();
            consume(TokenType.RPAREN, "')'", "close the parenthesis");
            leave();
            return c;
        }
        Expr left = value();
        Token op = peek();
        if (op.is("NOT")) {
            Token after = peekAt(1);
            if (after.is("BETWEEN") || after.is("LIKE") || after.is("IN") || after.is("MEMBER")) {
                advance();
                return afterValue(left, true);
            }
            throw after.pos().error("expected BETWEEN, LIKE, IN or MEMBER after NOT but found " + after.describe(), null);
        }
        return afterValue(left, false);
    }

    private Condition afterValue(Expr left, boolean negated) {
        Token op = peek();
        if (op.is("BETWEEN")) {
            advance();
            Expr low = value();
            consumeWord("AND", "write x BETWEEN low AND high");
            Expr high = value();
            return new Between(left, low, high, negated, op.pos());
        }
        if (op.is("LIKE")) {
            advance();
            Expr pattern = value();
            if (checkWord("ESCAPE")) {
                throw peek().pos().error("LIKE ... ESCAPE is not supported",
                        "DynamoDB evaluates only 'prefix%' (begins_with) and '%text%' (contains); no escaping is needed");
            }
            return new Like(left, pattern, negated, op.pos());
        }
        if (op.is("IN")) {
            advance();
            List<Expr> items = new ArrayList<>();
            if (check(TokenType.NAMED_PARAM) || check(TokenType.POSITIONAL_PARAM)) {
                items.add(value());
            } else {
                consume(TokenType.LPAREN, "'(' or a parameter after IN", "write IN ('a', 'b') or IN :list");
                if (checkWord("SELECT") && !endsValue(peekAt(1))) {
                    throw peek().pos().error("subqueries are not supported", "run the inner query first and pass its result as a parameter");
                }
                do {
                    items.add(value());
                } while (match(TokenType.COMMA));
                consume(TokenType.RPAREN, "')' or ','", "close the IN list");
            }
            return new In(left, items, negated, op.pos());
        }
        if (op.is("MEMBER")) {
            advance();
            matchWord("OF");
            if (!nameHere()) {
                throw unexpected("a collection attribute path", "write :value MEMBER OF e.collection");
            }
            return new MemberOf(left, path("a collection attribute path"), negated, op.pos());
        }
        if (negated) {
            throw op.pos().error("expected BETWEEN, LIKE, IN or MEMBER after NOT but found " + op.describe(), null);
        }
        if (op.is("IS")) {
            advance();
            boolean not = matchWord("NOT");
            if (checkWord("EMPTY")) {
                throw peek().pos().error("IS EMPTY is not supported", "use SIZE(e.collection) = 0");
            }
            consumeWord("NULL", "write IS NULL or IS NOT NULL");
            return new IsNull(left, not, op.pos());
        }
        CompareOp cmp = switch (op.type()) {
            case EQ -> CompareOp.EQ;
            case NE -> CompareOp.NE;
            case LT -> CompareOp.LT;
            case LE -> CompareOp.LE;
            case GT -> CompareOp.GT;
            case GE -> CompareOp.GE;
            default -> null;
        };
        if (cmp == null) {
            throw unexpected("a comparison operator (=, <>, <, <=, >, >=, BETWEEN, LIKE, IN, IS NULL, MEMBER OF)", null);
        }
        advance();
        Token q = peek();
        if ((q.is("ALL") || q.is("ANY") || q.is("SOME")) && peekAt(1).type() == TokenType.LPAREN) {
            throw q.pos().error("subqueries (" + q.upper() + ") are not supported", "run the inner query first and pass its result as a parameter");
        }
        Expr right = value();
        return new Comparison(left, cmp, right, op.pos());
    }

    // ---- values -----------------------------------------------------------------------------

    private Expr value() {
        Expr e = primary();
        Token t = peek();
        if (t.type() == TokenType.PLUS || t.type() == TokenType.MINUS || t.type() == TokenType.STAR
                || t.type() == TokenType.SLASH) {
            throw t.pos().error("arithmetic ('" + t.text() + "') is not supported",
                    "DynamoDB cannot compute; compute the value in Java and pass it as a parameter");
        }
        return e;
    }

    private Expr primary() {
        Token t = peek();
        switch (t.type()) {
            case STRING:
                advance();
                return new Literal(t.text(), t.pos());
            case INTEGER:
            case DECIMAL:
                advance();
                return new Literal(t.value(), t.pos());
            case NAMED_PARAM:
                advance();
                return new Param(t.text(), null, t.pos());
            case POSITIONAL_PARAM:
                advance();
                return new Param(null, (Integer) t.value(), t.pos());
            case MINUS: {
                advance();
                Token n = peek();
                if (n.type() == TokenType.INTEGER || n.type() == TokenType.DECIMAL) {
                    advance();
                    Object v = n.value();
                    Object neg;
                    if (v instanceof Long l) {
                        neg = -l;
                    } else if (v instanceof BigInteger b) {
                        BigInteger nb = b.negate();
                        neg = nb.bitLength() < 64 ? (Object) nb.longValue() : nb;
                    } else {
                        neg = ((BigDecimal) v).negate();
                    }
                    return new Literal(neg, t.pos());
                }
                throw t.pos().error("arithmetic (unary '-') is not supported", "only negative number literals are allowed; pass other values as parameters");
            }
            case PLUS: {
                advance();
                Token n = peek();
                if (n.type() == TokenType.INTEGER || n.type() == TokenType.DECIMAL) {
                    advance();
                    return new Literal(n.value(), t.pos());
                }
                throw t.pos().error("arithmetic (unary '+') is not supported", null);
            }
            case LPAREN:
                if (peekAt(1).is("SELECT")) {
                    throw peekAt(1).pos().error("subqueries are not supported", "run the inner query first and pass its result as a parameter");
                }
                throw t.pos().error("a parenthesised value is not supported here", "parentheses group conditions, not values");
            case WORD:
                return wordValue(t);
            default:
                throw unexpected("a value (attribute path, literal or parameter)", null);
        }
    }

    private Expr wordValue(Token t) {
        String up = t.upper();
        Token next = peekAt(1);
        if (next.type() == TokenType.DOT) {
            return path("an attribute path");
        }
        // A keyword right before what may follow a value is a name: WHERE t.status = NEW, IN (NEW, OPEN). The
        // analyser resolves it (an enum constant) or reports it as unknown.
        boolean name = endsValue(next) && !NOW.contains(up) && !up.equals("TRUE") && !up.equals("FALSE")
                && !up.equals("NULL");
        if (name) {
            return path("a name");
        }
        if (up.equals("TRUE") || up.equals("FALSE")) {
            advance();
            return new Literal(up.equals("TRUE"), t.pos());
        }
        if (up.equals("NULL")) {
            advance();
            return new Literal(null, t.pos());
        }
        if (up.equals("CASE")) {
            throw t.pos().error("CASE is not supported", "compute in Java and pass the value as a parameter");
        }
        if (up.equals("SELECT")) {
            throw t.pos().error("subqueries are not supported", "run the inner query first and pass its result as a parameter");
        }
        if (up.equals("NEW")) {
            throw t.pos().error("constructor expressions (NEW) are not supported", null);
        }
        if (NOW.contains(up)) {
            throw t.pos().error(up + " is not supported", "pass the current date/time as a parameter");
        }
        if (peekAt(1).type() == TokenType.LPAREN) {
            if (up.equals("LOWER") || up.equals("UPPER")) {
                advance();
                enter(advance());
                Expr arg = value();
                consume(TokenType.RPAREN, "')'", "close " + up + "(");
                leave();
                return new CaseFunction(up.equals("UPPER"), arg, t.pos());
            }
            if (up.equals("SIZE")) {
                advance();
                advance();
                if (!nameHere()) {
                    throw unexpected("a collection attribute path", "write SIZE(e.collection)");
                }
                PathExpr p = path("a collection attribute path");
                consume(TokenType.RPAREN, "')'", "close SIZE(");
                return new SizeExpr(p, t.pos());
            }
            refuseFunction(t);
        }
        if (RESERVED.contains(up)) {
            throw unexpected("a value (attribute path, literal or parameter)", null);
        }
        return path("an attribute path");
    }

    private void refuseFunction(Token t) {
        String up = t.upper();
        if (AGGREGATES.contains(up)) {
            throw t.pos().error("aggregate function " + up + " is not supported here",
                    "only SELECT COUNT(e) is supported; aggregate in Java");
        }
        if (SPECIAL_FORMS.contains(up)) {
            throw t.pos().error(up + "(...) is not supported", "DynamoDB has no equivalent; query attributes of the entity directly");
        }
        if (up.equals("LOWER") || up.equals("UPPER") || up.equals("SIZE")) {
            throw t.pos().error(up + " is not supported here", "use it in the WHERE clause");
        }
        throw t.pos().error("function " + up + " is not supported",
                "DynamoDB offers only begins_with (LIKE 'p%'), contains (LIKE '%s%', MEMBER OF) and size (SIZE); compute other values in Java");
    }
}
