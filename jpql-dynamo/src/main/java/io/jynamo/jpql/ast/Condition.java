package io.jynamo.jpql.ast;

/** A WHERE condition. */
public sealed interface Condition permits And, Or, Not, Comparison, Between, Like, In, IsNull, MemberOf, EntityComparison {
}
