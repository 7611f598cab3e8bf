package io.jynamo.jpql.semantic;

import io.jynamo.jpql.ast.Param;
import io.jynamo.jpql.model.AssociationInfo;
import io.jynamo.jpql.model.EntityInfo;

/**
 * A read the provider runs before the root read, whose result is a list of keys bound to a synthetic parameter
 * the rewritten WHERE compares an entity path with ({@code x IN :step}).
 *
 * @param key         the synthetic argument key ({@code jynamo.stepN}: no JPQL parameter name contains a dot)
 * @param label       how explain names the keys ({@code step1})
 * @param association MEMBER OF: the root's collection; JOIN: the root's to-one joined
 * @param owner       the root entity
 * @param element     MEMBER OF: the parameter of the element; otherwise {@code null}
 * @param joined      JOIN: the analysed query of the joined entity selecting its key; otherwise {@code null}
 * @param text        the construct as written, for explain and errors
 * @param keyPaths    the key paths of the entity whose keys the step finds (its query selects one attribute each)
 * @param repeats     JOIN of a collection without DISTINCT: each root row is returned once per joined row found
 */
public record Step(String key, String label, AssociationInfo association, EntityInfo owner, Param element,
                   Analysis joined, String text, java.util.List<String> keyPaths, boolean repeats) {
    /** The argument key prefix of synthetic step parameters. */
    public static final String KEY_PREFIX = "jynamo.step";
}
