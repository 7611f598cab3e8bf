package io.jynamo.jpql.parser;

import io.jynamo.jpql.ast.Between;
import io.jynamo.jpql.ast.CaseExpr;
import io.jynamo.jpql.ast.CaseFunction;
import io.jynamo.jpql.ast.Computed;
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
import io.jynamo.jpql.ast.Param;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.SizeExpr;
import io.jynamo.jpql.lexer.Token;
import io.jynamo.jpql.lexer.TokenType;
import io.jynamo.jpql.model.AttributeInfo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The grammar of conditions and values, one method per precedence level
 * (OR &lt; AND &lt; NOT &lt; predicate &lt; value), with the nesting-depth limit {@link Parser#MAX_DEPTH}.
 * {@link Parser} extends it with the statements around a condition.
 */
abstract sealed class ExpressionParser extends TokenCursor permits Parser {
    /** Words that may follow a complete value: before one of them a keyword is a name (an enum constant, say). */
    private static final Set<String> AFTER_VALUE = Set.of("AND", "OR", "ORDER", "GROUP", "HAVING", "BETWEEN", "LIKE",
            "IN", "IS", "NOT", "MEMBER", "ESCAPE", "WHERE", "UNION", "INTERSECT", "EXCEPT", "LIMIT", "OFFSET",
            "WHEN", "THEN", "ELSE", "END");
    private static final Set<String> SPECIAL_FORMS = Set.of("KEY", "VALUE", "ENTRY", "TYPE", "INDEX",
            "FUNCTION", "OBJECT");
    private static final Set<String> NOW = Set.of("CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "LOCAL");

    private int depth;
    /** The words that continue a predicate after its first value. */
    private static final Set<String> VALUE_CONTINUES = Set.of("BETWEEN", "LIKE", "IN", "IS", "MEMBER", "NOT");

    /** Whether a word is a value by itself ({@code CURRENT_DATE}, {@code TRUE}, {@code NULL}) rather than a name. */
    static boolean valueWord(Token t) {
        String up = t.upper();
        return t.type() == TokenType.WORD && (NOW.contains(up) && !up.equals("LOCAL") || up.equals("TRUE")
                || up.equals("FALSE") || up.equals("NULL"));
    }

    ExpressionParser(List<Token> tokens) {
        super(tokens);
    }

    /** Enters one nesting level at {@code at}, refusing to go past {@link Parser#MAX_DEPTH}. */
    private void enter(Token at) {
        if (++depth > Parser.MAX_DEPTH) {
            throw at.pos().error("the query nests deeper than " + Parser.MAX_DEPTH
                            + " levels (parentheses, NOT, functions and arithmetic operators count one level each)",
                    "flatten the condition: a = 1 OR a = 2 OR ... needs no parentheses, IN (...) lists many values, "
                            + "NOT NOT x is x");
        }
    }

    private void leave() {
        depth--;
    }

    /** Whether a token can follow a complete value, so that the word before it is a name, not a construct. */
    private static boolean endsValue(Token t) {
        return switch (t.type()) {
            case EOF, RPAREN, COMMA, EQ, NE, LT, LE, GT, GE, PLUS, MINUS, STAR, SLASH, CONCAT -> true;
            case WORD -> AFTER_VALUE.contains(t.upper());
            default -> false;
        };
    }

    PathExpr path(String expected) {
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

    Condition condition() {
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
        return Condition.and(ops);
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

    /**
     * Whether the parenthesis at the cursor groups a value, as in {@code ((d.n + 1) = ?1)}, rather than a condition:
     * what follows its closing parenthesis continues a value (a comparison or arithmetic operator, BETWEEN, LIKE,
     * IN, IS, MEMBER, NOT).
     */
    private boolean groupsAValue() {
        int close = closing(0);
        if (close < 0) {
            return false;
        }
        Token next = peekAt(close + 1);
        return switch (next.type()) {
            case EQ, NE, LT, LE, GT, GE, PLUS, MINUS, STAR, SLASH, CONCAT -> true;
            case WORD -> VALUE_CONTINUES.contains(next.upper());
            default -> false;
        };
    }

    /** How far ahead the parenthesis closing the one {@code open} tokens ahead is, or -1 when none closes it. */
    int closing(int open) {
        int depth = 0;
        for (int i = open; ; i++) {
            Token t = peekAt(i);
            if (t.type() == TokenType.EOF) {
                return -1;
            }
            if (t.type() == TokenType.LPAREN) {
                depth++;
            } else if (t.type() == TokenType.RPAREN && --depth == 0) {
                return i;
            }
        }
    }

    private Condition predicate() {
        Token t = peek();
        if (t.is("EXISTS") && peekAt(1).type() == TokenType.LPAREN) {
            throw t.pos().error("subqueries (EXISTS) are not supported", "run the inner query first and pass its result as a parameter");
        }
        if (t.type() == TokenType.LPAREN && !groupsAValue()) {
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
        if (left instanceof PathExpr p && p.names().size() == 2 && AttributeInfo.TYPE_PATH.equals(p.names().get(1))) {
            return typeCondition(p);
        }
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

    /**
     * {@code TYPE(e) = Car}, {@code <>}, {@code [NOT] IN (Car, Truck)}: the entity names are literals, which
     * the provider turns into discriminator values.
     */
    private Condition typeCondition(PathExpr type) {
        Token op = peek();
        boolean not = matchWord("NOT");
        if (checkWord("IN")) {
            advance();
            consume(TokenType.LPAREN, "'(' after IN", "write TYPE(e) IN (Car, Truck)");
            List<Expr> items = new ArrayList<>();
            do {
                items.add(entityName());
            } while (match(TokenType.COMMA));
            consume(TokenType.RPAREN, "')' or ','", "close the IN list");
            return new In(type, items, not, op.pos());
        }
        CompareOp cmp = op.type() == TokenType.EQ ? CompareOp.EQ : op.type() == TokenType.NE ? CompareOp.NE : null;
        if (not || cmp == null) {
            throw unexpected("=, <> or IN after TYPE(...)", "write TYPE(e) = Car or TYPE(e) IN (Car, Truck)");
        }
        advance();
        return new Comparison(type, cmp, entityName(), op.pos());
    }

    private Expr entityName() {
        Token t = peek();
        if (t.type() != TokenType.WORD || peekAt(1).type() == TokenType.DOT) {
            throw unexpected("an entity name", "TYPE(e) compares with entity names written in the query, e.g. TYPE(e) = Car");
        }
        advance();
        return new Literal(t.text(), t.pos());
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
            Character escape = null;
            if (checkWord("ESCAPE")) {
                advance();
                Token e = peek();
                if (e.type() != TokenType.STRING || e.text().length() != 1) {
                    throw e.pos().error("ESCAPE takes one character in quotes, not " + e.describe(),
                            "write LIKE :p ESCAPE '\\'");
                }
                advance();
                escape = e.text().charAt(0);
            }
            return new Like(left, pattern, negated, op.pos(), escape);
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
                // e.c IS EMPTY is SIZE(e.c) = 0, IS NOT EMPTY is SIZE(e.c) > 0: as the Criteria API lowers isEmpty.
                Token empty = advance();
                if (!(left instanceof PathExpr path)) {
                    throw empty.pos().error("IS " + (not ? "NOT " : "") + "EMPTY needs a collection path on the left",
                            "write e.collection IS " + (not ? "NOT " : "") + "EMPTY");
                }
                return new Comparison(new SizeExpr(path, left.pos()), not ? CompareOp.GT : CompareOp.EQ,
                        new Literal(0L, empty.pos()), op.pos());
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

    /**
     * A value with arithmetic ({@code * /} before {@code + -}, left to right), which the planner leaves to Java.
     * Each operator nests the expression one level deeper, so each counts as one level of {@link Parser#MAX_DEPTH}.
     */
    Expr value() {
        return valueAfter(primary());
    }

    /** The value that starts with {@code first}, already parsed: it, or arithmetic with it as first operand. */
    Expr valueAfter(Expr first) {
        // Most values have no operator: they cost the parser's stack no more frames than before arithmetic.
        return check(TokenType.PLUS) || check(TokenType.MINUS) || check(TokenType.STAR) || check(TokenType.SLASH)
                || check(TokenType.CONCAT) ? arithmetic(first) : first;
    }

    private Expr arithmetic(Expr first) {
        Expr e = term(first);
        int levels = 0;
        while (check(TokenType.PLUS) || check(TokenType.MINUS) || check(TokenType.CONCAT)) {
            Token op = advance();
            enter(op);
            levels++;
            // a || b is CONCAT(a, b) (JPA 3.2 4.6.17.2.1), at the level of + and -, as in SQL.
            e = new Computed(op.type() == TokenType.CONCAT ? "CONCAT" : op.text(), List.of(e, term(primary())), op.pos());
        }
        depth -= levels;
        return e;
    }

    private Expr term(Expr first) {
        Expr e = first;
        int levels = 0;
        while (check(TokenType.STAR) || check(TokenType.SLASH)) {
            Token op = advance();
            enter(op);
            levels++;
            e = new Computed(op.text(), List.of(e, primary()), op.pos());
        }
        depth -= levels;
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
            case TEMPORAL:
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
                    if (v instanceof Integer x) {
                        neg = -x;
                    } else if (v instanceof Long l) {
                        neg = -l;
                    } else if (v instanceof BigInteger b) {
                        neg = b.negate();
                    } else if (v instanceof Double d) {
                        neg = -d;
                    } else if (v instanceof Float f) {
                        neg = -f;
                    } else {
                        neg = ((BigDecimal) v).negate();
                    }
                    return new Literal(neg, t.pos());
                }
                enter(t);
                Expr operand = primary();
                leave();
                return new Computed("NEG", List.of(operand), t.pos());
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
                // Here a value is expected (an operand, an argument, a select item): the parentheses group a value.
                enter(advance());
                Expr inner = value();
                consume(TokenType.RPAREN, "')'", "close the parenthesis");
                leave();
                return inner;
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
                && !up.equals("NULL") && !(up.equals("CASE") && next.is("WHEN"));
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
            return caseExpr(t);
        }
        if (up.equals("SELECT")) {
            throw t.pos().error("subqueries are not supported", "run the inner query first and pass its result as a parameter");
        }
        if (up.equals("NEW")) {
            throw t.pos().error("constructor expressions (NEW) are not supported", null);
        }
        if (NOW.contains(up)) {
            advance();
            if (!up.equals("LOCAL")) {
                return new Computed(up, List.of(), t.pos());
            }
            Token kind = peek();
            if (!(kind.is("DATE") || kind.is("TIME") || kind.is("DATETIME"))) {
                throw unexpected("DATE, TIME or DATETIME after LOCAL", "write LOCAL DATE, LOCAL TIME or LOCAL DATETIME");
            }
            advance();
            return new Computed("LOCAL " + kind.upper(), List.of(), t.pos());
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
            if (FUNCTIONS.contains(up)) {
                return function(t);
            }
            if (up.equals("EXTRACT")) {
                return extract(t);
            }
            if (up.equals("CAST")) {
                return cast(t);
            }
            if (up.equals("ID") || up.equals("VERSION")) {
                // ID(x), VERSION(x): the key or @Version attribute of the entity x denotes, resolved with the model
                advance();
                advance();
                PathExpr of = path("an identification variable or a path to an entity");
                consume(TokenType.RPAREN, "')'", "close " + up + "(");
                List<String> names = new ArrayList<>(of.names());
                names.add(up.equals("ID") ? AttributeInfo.ID_PATH : AttributeInfo.VERSION_PATH);
                return new PathExpr(names, t.pos(), null);
            }
            if (up.equals("TREAT")) {
                return treat(t);
            }
            if (up.equals("TYPE") || up.equals("INDEX")) {
                advance();
                advance();
                Token variable = peek();
                if (variable.type() != TokenType.WORD || peekAt(1).type() != TokenType.RPAREN) {
                    throw unexpected("an identification variable", up.equals("TYPE")
                            ? "write TYPE(e) with the FROM clause's variable" : "write INDEX(v) with a join's variable");
                }
                advance();
                advance();
                return new PathExpr(List.of(variable.text(), up.equals("TYPE") ? AttributeInfo.TYPE_PATH
                        : AttributeInfo.INDEX_PATH), t.pos(), null);
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

    /**
     * {@code TREAT(e AS Sub).a}: the path {@code e.a} with the segment {@link AttributeInfo#TREAT_PREFIX}{@code Sub}
     * after the variable, which the compiler resolves.
     */
    private PathExpr treat(Token t) {
        advance();
        enter(advance());
        PathExpr of = path("an identification variable");
        consumeWord("AS", "write TREAT(e AS Subclass).attribute");
        Token entity = peek();
        if (entity.type() != TokenType.WORD) {
            throw unexpected("an entity name", "write TREAT(e AS Subclass).attribute");
        }
        advance();
        consume(TokenType.RPAREN, "')'", "close TREAT(");
        leave();
        List<String> names = new ArrayList<>(of.names());
        names.add(AttributeInfo.TREAT_PREFIX + entity.text());
        if (!match(TokenType.DOT)) {
            throw unexpected("'.' and an attribute of " + entity.text(), "write TREAT(e AS " + entity.text() + ").attribute");
        }
        PathExpr rest = path("an attribute of " + entity.text());
        names.addAll(rest.names());
        return new PathExpr(names, t.pos(), null);
    }

    /** The functions evaluated in Java after the read (with arithmetic): the planner says so. */
    private static final Set<String> FUNCTIONS = Set.of("LENGTH", "LOCATE", "SUBSTRING", "CONCAT", "TRIM", "ABS", "MOD",
            "SQRT", "EXP", "LN", "CEILING", "FLOOR", "SIGN", "ROUND", "POWER", "LEFT", "RIGHT", "REPLACE", "COALESCE",
            "NULLIF");
    /** The fields {@code EXTRACT(field FROM x)} takes. */
    public static final Set<String> EXTRACT_FIELDS = Set.of("YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR", "MINUTE",
            "SECOND", "DATE", "TIME");

    private Expr function(Token t) {
        String up = t.upper();
        advance();
        enter(advance());
        List<Expr> args = new ArrayList<>();
        if (up.equals("TRIM")) {
            // TRIM([[LEADING|TRAILING|BOTH] [char] FROM] s)
            String side = "BOTH";
            Expr ch = new Literal(null, t.pos());
            boolean spec = false;
            if (checkWord("LEADING") || checkWord("TRAILING") || checkWord("BOTH")) {
                side = advance().upper();
                spec = true;
            }
            if (!checkWord("FROM") && (spec || peekAt(1).is("FROM"))) {
                ch = primary();
                spec = true;
            }
            if (spec || checkWord("FROM")) {
                consumeWord("FROM", "write TRIM(LEADING 'x' FROM e.a)");
            }
            args.add(new Literal(side, t.pos()));
            args.add(ch);
            args.add(value());
        } else {
            do {
                args.add(value());
            } while (match(TokenType.COMMA));
        }
        consume(TokenType.RPAREN, "')'", "close " + up + "(");
        leave();
        int n = args.size();
        boolean arity = switch (up) {
            case "LENGTH", "ABS", "TRIM", "SQRT", "EXP", "LN", "CEILING", "FLOOR", "SIGN" -> up.equals("TRIM") || n == 1;
            case "MOD", "POWER", "LEFT", "RIGHT", "NULLIF" -> n == 2;
            case "LOCATE", "SUBSTRING" -> n == 2 || n == 3;
            case "ROUND" -> n == 1 || n == 2;
            case "REPLACE" -> n == 3;
            default -> n >= 2; // CONCAT, COALESCE
        };
        if (!arity) {
            throw t.pos().error(up + " does not take " + n + " argument" + (n == 1 ? "" : "s"),
                    "write LENGTH(s), LOCATE(search, s[, start]), SUBSTRING(s, start[, length]), CONCAT(a, b, ...), "
                            + "TRIM([LEADING|TRAILING|BOTH] [c] FROM s), LEFT(s, n), RIGHT(s, n), REPLACE(s, a, b), "
                            + "ABS(n), MOD(a, b), SQRT(n), EXP(n), LN(n), CEILING(n), FLOOR(n), SIGN(n), ROUND(n[, d]), "
                            + "POWER(a, b), COALESCE(a, b, ...) or NULLIF(a, b)");
        }
        return new Computed(up, args, t.pos());
    }

    /** {@code EXTRACT(field FROM x)}: the field as a string literal, then the value. */
    private Expr extract(Token t) {
        advance();
        enter(advance());
        Token field = peek();
        if (field.type() != TokenType.WORD || !EXTRACT_FIELDS.contains(field.upper())) {
            throw unexpected("a field (YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND, DATE or TIME)",
                    "write EXTRACT(YEAR FROM e.date)");
        }
        advance();
        consumeWord("FROM", "write EXTRACT(" + field.upper() + " FROM e.date)");
        Expr value = value();
        consume(TokenType.RPAREN, "')'", "close EXTRACT(");
        leave();
        return new Computed("EXTRACT", List.of(new Literal(field.upper(), field.pos()), value), t.pos());
    }

    /** {@code CAST(x AS type)}: the value, then the type as a string literal. */
    private Expr cast(Token t) {
        advance();
        enter(advance());
        Expr value = value();
        consumeWord("AS", "write CAST(e.a AS String)");
        Token type = peek();
        if (type.type() != TokenType.WORD || !Computed.CAST_TYPES.containsKey(type.upper())) {
            throw unexpected("a type (String, Integer, Long, Float, Double, Short, BigDecimal or BigInteger)",
                    "write CAST(e.a AS String)");
        }
        advance();
        consume(TokenType.RPAREN, "')'", "close CAST(");
        leave();
        return new Computed("CAST", List.of(value, new Literal(type.upper(), type.pos())), t.pos());
    }

    /** {@code CASE [x] WHEN .. THEN .. {WHEN .. THEN ..} [ELSE ..] END}; one nesting level. */
    private Expr caseExpr(Token t) {
        advance();
        enter(t);
        Expr operand = checkWord("WHEN") ? null : value();
        if (!checkWord("WHEN")) {
            throw unexpected("WHEN", "write CASE WHEN condition THEN value ... ELSE value END");
        }
        List<Condition> whens = new ArrayList<>();
        List<Expr> thens = new ArrayList<>();
        while (matchWord("WHEN")) {
            Token w = peek();
            whens.add(operand == null ? condition() : new Comparison(operand, CompareOp.EQ, value(), w.pos()));
            consumeWord("THEN", "write WHEN condition THEN value");
            thens.add(value());
        }
        Expr otherwise = matchWord("ELSE") ? value() : null;
        consumeWord("END", "close CASE with END");
        leave();
        return new CaseExpr(whens, thens, otherwise, t.pos());
    }

    void refuseFunction(Token t) {
        String up = t.upper();
        if (Computed.AGGREGATES.contains(up)) {
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
