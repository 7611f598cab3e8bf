package io.jynamo.jpql.parser;

import io.jynamo.jpql.SelectKind;
import io.jynamo.jpql.StatementKind;
import io.jynamo.jpql.ast.Computed;
import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.IsNull;
import io.jynamo.jpql.ast.Join;
import io.jynamo.jpql.ast.Literal;
import io.jynamo.jpql.ast.OrderBy;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.SetClause;
import io.jynamo.jpql.ast.Statement;
import io.jynamo.jpql.lexer.Lexer;
import io.jynamo.jpql.lexer.Token;
import io.jynamo.jpql.lexer.TokenType;

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
public final class Parser extends ExpressionParser {
    /**
     * Words that may follow a range declaration ({@code FROM Entity e}): without AS, such a word ends the
     * declaration rather than naming the variable ({@code FROM Order AS order} names it).
     */
    private static final Set<String> AFTER_RANGE = Set.of("WHERE", "SET", "ORDER", "GROUP", "HAVING", "JOIN", "LEFT",
            "INNER", "RIGHT", "CROSS", "FULL", "OUTER", "FETCH", "UNION", "INTERSECT", "EXCEPT", "LIMIT", "OFFSET", "ON",
            "AS");
    private static final String NO_JOIN = "DynamoDB has no joins: query one entity and load related entities by key "
            + "(find / getReference)";

    /**
     * How deeply conditions and values may nest: each parenthesised condition, each {@code NOT} and each
     * {@code LOWER(}/{@code UPPER(} is one level. Every later stage (analysis, planning, rendering) walks
     * the tree this parser builds, one frame or a few per level, so this bound is theirs too and no
     * query can exhaust the stack anywhere.
     */
    public static final int MAX_DEPTH = 200;

    /** The ON conditions of the inner joins read so far, which the WHERE then includes. */
    private final List<Condition> joinConditions = new ArrayList<>();

    private Parser(List<Token> tokens) {
        super(tokens);
    }

    /**
     * Parses a statement.
     *
     * @throws IllegalArgumentException for malformed or unsupported JPQL, naming line and column
     */
    public static Statement parse(String jpql) {
        return new Parser(Lexer.tokenize(jpql)).statement();
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
        Token distinct = checkWord("DISTINCT") ? advance() : null;
        SelectKind selectKind;
        List<PathExpr> selected = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        List<Expr> items = new ArrayList<>();
        String constructor = null;
        Token countDistinct = null;
        Condition counted = null;
        Token head = peek();
        // COUNT(e), COUNT(DISTINCT e) and COUNT(e.a) alone are DynamoDB's counts; COUNT(DISTINCT e.a) and a COUNT
        // beside other aggregates are folded in Java (aggregate()).
        int close = head.is("COUNT") && peekAt(1).type() == TokenType.LPAREN ? closing(1) : -1;
        if (close > 0 && peekAt(close + 1).is("FROM") && !(peekAt(2).is("DISTINCT") && close != 4)) {
            advance();
            advance();
            countDistinct = checkWord("DISTINCT") ? advance() : null;
            PathExpr p = path("the identification variable");
            consume(TokenType.RPAREN, "')'", "close COUNT(");
            if (p.names().size() != 1) {
                // COUNT(e.a) counts the rows whose e.a is not NULL
                counted = new IsNull(p, true, p.pos());
                p = new PathExpr(p.names().subList(0, 1), p.pos(), null);
            }
            selected.add(p);
            selectKind = SelectKind.COUNT;
            if (check(TokenType.COMMA)) {
                throw peek().pos().error("COUNT cannot be combined with other select items", "select COUNT(e) alone");
            }
        } else if (checkWord("NEW") && peekAt(1).type() == TokenType.WORD) {
            advance(); // NEW
            StringBuilder type = new StringBuilder(advance().text());
            while (match(TokenType.DOT)) {
                type.append('.').append(consume(TokenType.WORD, "a class name", "write NEW com.example.Dto(e.a, e.b)").text());
            }
            consume(TokenType.LPAREN, "'(' after the class of NEW", "write NEW com.example.Dto(e.a, e.b)");
            do {
                Expr item = selectItem(null);
                if (item instanceof PathExpr p && p.names().size() == 1) {
                    throw p.pos().error("NEW takes attributes, not the entity " + p.text(),
                            "select the entity alone (SELECT " + p.text() + "), or its attributes in NEW");
                }
                items.add(item);
            } while (match(TokenType.COMMA));
            consume(TokenType.RPAREN, "')' closing NEW", "write NEW com.example.Dto(e.a, e.b)");
            constructor = type.toString();
            selectKind = SelectKind.ATTRIBUTES;
            if (check(TokenType.COMMA)) {
                throw peek().pos().error("NEW cannot be combined with other select items", "select NEW ... alone");
            }
        } else {
            do {
                items.add(selectItem(aliases));
            } while (match(TokenType.COMMA));
            boolean aggregates = items.stream().anyMatch(Computed::aggregate);
            for (Expr e : items) {
                if (aggregates && !Computed.aggregate(e)) {
                    throw e.pos().error("without GROUP BY, a select clause with an aggregate (SUM, AVG, MIN, MAX, "
                            + "COUNT) has only aggregates", "aggregate this item too, or select it in a query of its own");
                }
            }
            boolean bare = items.get(0) instanceof PathExpr first && first.names().size() == 1;
            for (Expr e : items.subList(1, items.size())) {
                if (bare || e instanceof PathExpr p && p.names().size() == 1) {
                    throw e.pos().error("select either the entity alone or attributes", "write SELECT e or SELECT e.a, e.b");
                }
            }
            selectKind = bare ? SelectKind.ENTITY : SelectKind.ATTRIBUTES;
        }
        // Attribute paths alone are read as they are; any other item makes every item computed in Java per row.
        boolean computed = items.stream().anyMatch(e -> !(e instanceof PathExpr));
        if (!computed) {
            items.forEach(e -> selected.add((PathExpr) e));
        }
        consumeWord("FROM", "write SELECT ... FROM Entity e");
        Token entity = entityName();
        String variable = variable(true);
        List<Join> joins = joins();
        Condition where = null;
        if (matchWord("WHERE")) {
            where = condition();
        }
        if (!joinConditions.isEmpty()) {
            List<Condition> all = new ArrayList<>(joinConditions);
            if (where != null) {
                all.add(where);
            }
            where = Condition.and(all);
        }
        if (counted != null) {
            where = where == null ? counted : Condition.and(List.of(where, counted));
        }
        List<OrderBy> orderBy = new ArrayList<>();
        if (checkWord("GROUP")) {
            throw peek().pos().error("GROUP BY is not supported", "DynamoDB cannot aggregate; use COUNT(e) with a WHERE per group");
        }
        if (checkWord("HAVING")) {
            throw peek().pos().error("HAVING is not supported", "DynamoDB cannot aggregate");
        }
        if (matchWord("ORDER")) {
            consumeWord("BY", "write ORDER BY e.attribute");
            do {
                Expr p = orderItem();
                boolean desc = false;
                if (matchWord("DESC")) {
                    desc = true;
                } else {
                    matchWord("ASC");
                }
                Boolean nullsFirst = null;
                if (matchWord("NULLS")) {
                    if (matchWord("FIRST")) {
                        nullsFirst = true;
                    } else if (matchWord("LAST")) {
                        nullsFirst = false;
                    } else {
                        throw unexpected("FIRST or LAST", "write NULLS FIRST or NULLS LAST");
                    }
                }
                orderBy.add(p instanceof PathExpr path ? new OrderBy(path, desc, p.pos(), nullsFirst)
                        : new OrderBy(null, desc, p.pos(), nullsFirst, p));
            } while (match(TokenType.COMMA));
        }
        Statement.ResultShape shape = computed ? new Statement.ResultShape(constructor, aliases, items, List.of())
                : constructor == null && aliases.stream().allMatch(java.util.Objects::isNull)
                ? Statement.ResultShape.ROWS : new Statement.ResultShape(constructor, aliases);
        return new Statement(StatementKind.SELECT, entity.text(), entity.pos(), variable, selectKind, selected,
                List.of(), where, orderBy, joins, shape, distinct != null || countDistinct != null);
    }

    /**
     * {@code SUM(x)}, {@code AVG(x)}, {@code MIN(x)}, {@code MAX(x)} or {@code COUNT(x)} as a select item: computed in
     * Java over the rows read. {@code COUNT(e)} of the variable counts every row, of a value the rows where it is
     * not NULL.
     */
    private Expr aggregate() {
        Token f = advance();
        advance();
        Token distinct = checkWord("DISTINCT") ? advance() : null;
        Expr argument = value();
        consume(TokenType.RPAREN, "')'", "close " + f.upper() + "(");
        if (argument instanceof PathExpr p && p.names().size() == 1) {
            if (!f.is("COUNT")) {
                throw p.pos().error(f.upper() + "(" + p.text() + ") takes a value, not an entity", "write " + f.upper() + "(" + p.text() + ".attribute)");
            }
            if (distinct != null) {
                throw distinct.pos().error("COUNT(DISTINCT " + p.text() + ") beside other select items is not supported",
                        "entities are distinct already: write COUNT(" + p.text() + ")");
            }
            argument = new Literal(1L, p.pos());
        }
        // DISTINCT: each value once (a second argument the evaluator reads, Computed.DISTINCT)
        return new Computed(f.upper(), distinct == null ? List.of(argument) : List.of(argument, Computed.DISTINCT), f.pos());
    }

    /** An ORDER BY item: an attribute path, a result variable, or a value computed in Java (sorted in memory). */
    private Expr orderItem() {
        Token t = peek();
        Token next = peekAt(1);
        boolean name = t.type() == TokenType.WORD && !valueWord(t) && next.type() != TokenType.LPAREN;
        return name ? valueAfter(path("an attribute path")) : value();
    }

    /**
     * One select item: an attribute path, the identification variable, or any value (a literal, a parameter,
     * arithmetic, a function, CASE), which is computed in Java; its result variable ({@code AS a}) goes to
     * {@code aliases}, where they are allowed.
     */
    private Expr selectItem(List<String> aliases) {
        Token t = peek();
        Token next = peekAt(1);
        // A select item is followed by ',' or FROM: before them (or before '.') any word is a name.
        boolean name = t.type() == TokenType.WORD && !valueWord(t) && (next.type() == TokenType.DOT
                || next.type() == TokenType.COMMA || next.is("FROM") || next.is("AS"));
        if (!name && t.is("NEW")) {
            throw t.pos().error("NEW must be the whole select clause", "write SELECT NEW com.example.Dto(e.a, e.b)");
        }
        if (!name && t.is("DISTINCT")) {
            throw t.pos().error("DISTINCT is not supported", "de-duplicate in Java");
        }
        if (t.is("OBJECT") && next.type() == TokenType.LPAREN) {
            // OBJECT(v) is the JPQL 1.0 spelling of the identification variable v, which the grammar still allows.
            advance();
            advance();
            PathExpr v = path("an identification variable inside OBJECT(...)");
            if (v.names().size() != 1) {
                throw v.pos().error("OBJECT(" + v.text() + ") takes an identification variable, not a path",
                        "write SELECT OBJECT(" + v.names().get(0) + ") or SELECT " + v.text());
            }
            consume(TokenType.RPAREN, "')' closing OBJECT(", "write SELECT OBJECT(e)");
            return aliased(v, aliases);
        }
        if (t.is("TYPE") && next.type() == TokenType.LPAREN) {
            refuseFunction(t); // the entity class of each row: not selected, compared in WHERE
        }
        if (t.type() == TokenType.WORD && Computed.AGGREGATES.contains(t.upper()) && next.type() == TokenType.LPAREN) {
            return aliased(aggregate(), aliases);
        }
        Expr e = name ? valueAfter(path("an attribute path")) : value();
        return aliased(e, aliases);
    }

    /** A select item's optional result variable ({@code AS a}), added to {@code aliases} where they are allowed. */
    private Expr aliased(Expr p, List<String> aliases) {
        String alias = null;
        if (checkWord("AS")) {
            Token as = advance();
            if (aliases == null) {
                throw as.pos().error("result variables (AS) are not allowed inside NEW", "remove the alias");
            }
            alias = consume(TokenType.WORD, "a result variable after AS", "write e.a AS a").text();
        }
        if (aliases != null) {
            aliases.add(alias);
        }
        return p;
    }

    private Statement update() {
        advance(); // UPDATE
        Token entity = entityName();
        String variable = variable(false);
        consumeWord("SET", "write UPDATE Entity e SET e.a = value");
        List<SetClause> sets = new ArrayList<>();
        do {
            Token start = peek();
            if (!nameHere()) {
                throw unexpected("an attribute path", "write SET e.a = value");
            }
            PathExpr target = path("an attribute path");
            consume(TokenType.EQ, "'='", "write SET e.a = value");
            // arithmetic is checked by the analysis: only e.n = e.n ± value is an update DynamoDB computes
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
        String variable = variable(false);
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

    /** The identification variable of a range declaration; {@code select}: joins may follow (UPDATE/DELETE have none). */
    private String variable(boolean select) {
        boolean as = matchWord("AS");
        Token t = peek();
        // After AS any word names the variable; without it, a word that may follow the declaration ends it.
        if (t.type() != TokenType.WORD || !as && AFTER_RANGE.contains(t.upper())) {
            if (t.is("JOIN") || t.is("LEFT") || t.is("INNER")) {
                throw t.pos().error("the identification variable is missing before " + t.upper(),
                        "write FROM Entity e JOIN e.association a");
            }
            throw unexpected("an identification variable", t.type() == TokenType.WORD && !t.is("AS")
                    ? "the variable is required, e.g. Entity e; to name it like the keyword " + t.upper()
                    + ", declare it with AS: Entity AS " + t.text()
                    : "write FROM Entity e (the variable is required)");
        }
        advance();
        Token next = peek();
        if (!select && (next.is("JOIN") || next.is("LEFT") || next.is("INNER") || next.is("RIGHT") || next.is("CROSS")
                || next.is("FULL") || next.is("OUTER") || next.is("FETCH"))) {
            throw next.pos().error("JOIN in a bulk UPDATE or DELETE is not JPQL", "compare the association's key in WHERE, "
                    + "e.g. e.customer = :c or e.customer.id = :id");
        }
        if (next.type() == TokenType.COMMA && !memberDeclarationFollows()) {
            throw next.pos().error("JOIN (several entities in FROM) is not supported", NO_JOIN);
        }
        return t.text();
    }

    /** Whether {@code , IN(} follows: a collection member declaration. */
    private boolean memberDeclarationFollows() {
        return check(TokenType.COMMA) && peekAt(1).is("IN") && peekAt(2).type() == TokenType.LPAREN;
    }

    /**
     * {@code , IN(var.collection) [AS] v}: JPQL's collection member declaration, an inner join of the collection
     * ({@code JOIN var.collection v}).
     */
    private Join memberDeclaration() {
        advance();
        Token in = advance();
        advance();
        PathExpr path = path("a collection path, e.g. c.orders");
        if (path.names().size() != 2) {
            throw path.pos().error("IN(" + path.text() + ") is not supported: only an association of the queried "
                    + "entity can be joined", "write IN(" + path.names().get(0) + "." + path.names().get(1) + ") v");
        }
        if (!check(TokenType.RPAREN)) {
            throw unexpected("')'", "write IN(" + path.text() + ") v");
        }
        advance();
        matchWord("AS");
        Token v = peek();
        if (v.type() != TokenType.WORD || AFTER_RANGE.contains(v.upper())) {
            throw unexpected("an identification variable", "write IN(" + path.text() + ") v");
        }
        advance();
        if (check(TokenType.COMMA) && !memberDeclarationFollows()) {
            throw peek().pos().error("JOIN (several entities in FROM) is not supported", NO_JOIN);
        }
        return new Join(path, v.text(), false, false, in.pos());
    }

    /**
     * {@code [LEFT [OUTER] | INNER] JOIN [FETCH] var.association [[AS] v]}, repeated. Only joins over the root's
     * associations exist on DynamoDB (the analyser decides what each becomes); other joins are refused here.
     */
    private List<Join> joins() {
        List<Join> joins = new ArrayList<>();
        while (true) {
            Token start = peek();
            if (start.is("RIGHT") || start.is("FULL") || start.is("CROSS")) {
                throw start.pos().error(start.upper() + " JOIN is not supported",
                        "only [LEFT] JOIN [FETCH] over an association of the queried entity, e.g. LEFT JOIN FETCH o.customer");
            }
            if (memberDeclarationFollows()) {
                joins.add(memberDeclaration());
                continue;
            }
            boolean left = false;
            if (start.is("LEFT") && (peekAt(1).is("JOIN") || peekAt(1).is("OUTER"))) {
                advance();
                matchWord("OUTER");
                left = true;
            } else if (start.is("INNER") && peekAt(1).is("JOIN")) {
                advance();
            } else if (!start.is("JOIN")) {
                break;
            }
            consumeWord("JOIN", "write LEFT JOIN e.association v");
            boolean fetch = matchWord("FETCH");
            Token pathStart = peek();
            if (pathStart.type() == TokenType.WORD && peekAt(1).type() != TokenType.DOT) {
                throw pathStart.pos().error("JOIN " + pathStart.text() + ": joining an entity by name is not supported",
                        NO_JOIN + "; join an association of the queried entity instead, e.g. JOIN o.customer c");
            }
            PathExpr path = path("an association path, e.g. o.customer");
            if (path.names().size() != 2) {
                throw path.pos().error("JOIN " + path.text() + " is not supported: only an association of the queried "
                        + "entity can be joined", "join " + path.names().get(0) + "." + path.names().get(1)
                        + " and load further targets by key");
            }
            String variable = null;
            boolean as = matchWord("AS");
            Token v = peek();
            if (as || v.type() == TokenType.WORD && !AFTER_RANGE.contains(v.upper())) {
                if (v.type() != TokenType.WORD) {
                    throw unexpected("an identification variable", "write JOIN e.association v");
                }
                variable = advance().text();
            }
            if (checkWord("ON")) {
                Token on = advance();
                if (fetch) {
                    throw on.pos().error("JOIN FETCH ... ON is not allowed", "JPQL puts no condition on a fetch join:"
                            + " fetch the whole relationship, or JOIN it (without FETCH) with the condition");
                }
                if (left) {
                    throw on.pos().error("LEFT JOIN ... ON is not supported: it keeps the rows without a matching "
                            + (variable == null ? "target" : variable) + ", which a query of the joined entity cannot find",
                            "write an inner JOIN ... ON (the same as its condition in WHERE), or LEFT JOIN without ON");
                }
                // An inner join's ON condition keeps the same rows as the same condition in WHERE.
                joinConditions.add(condition());
            }
            if (check(TokenType.COMMA) && !memberDeclarationFollows()) {
                throw peek().pos().error("JOIN (several entities in FROM) is not supported", NO_JOIN);
            }
            joins.add(new Join(path, variable, left, fetch, start.pos()));
        }
        if (check(TokenType.COMMA)) {
            throw peek().pos().error("JOIN (several entities in FROM) is not supported", NO_JOIN);
        }
        return joins;
    }
}
