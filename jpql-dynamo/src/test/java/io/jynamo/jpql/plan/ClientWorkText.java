package io.jynamo.jpql.plan;

import io.jynamo.jpql.ast.Expr;

/** The text EXPLAIN gives an expression computed in Java, for tests outside the package. */
public final class ClientWorkText {
    private ClientWorkText() {
    }

    public static String of(Expr e) {
        return ClientWork.text(e);
    }
}
