package io.jynamo.jpql.ast;

/** A value expression: an attribute path, a literal, a parameter, LOWER/UPPER or SIZE. */
public sealed interface Expr permits PathExpr, Literal, Param, CaseFunction, SizeExpr, Computed, CaseExpr, RelationSize {
    /** Where the expression starts. */
    Pos pos();
}
