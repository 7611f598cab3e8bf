/**
 * The Criteria API: builders whose objects lower to the same statement the JPQL parser produces, so a
 * criteria query is analysed, planned and cached exactly as JPQL is (never through a JPQL string).
 * Constructs the JPQL subset has no form for throw {@code IllegalArgumentException} naming the construct.
 */
package io.jynamo.internal.criteria;
