package io.jynamo.jpql.semantic;

import io.jynamo.jpql.ParameterInfo;
import io.jynamo.jpql.ast.Param;
import io.jynamo.jpql.ast.Pos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parameters of one statement, each with the type every use of it expects. */
final class ParameterTypes {
    private final Map<Object, ParameterInfo> params = new LinkedHashMap<>();
    private final Map<Object, Pos> paramPos = new LinkedHashMap<>();
    /** Whether the parameters seen so far are named ({@code null} before the first): one check per use, not a loop. */
    private Boolean namedParams;

    /** The parameters in order of first appearance. */
    List<ParameterInfo> list() {
        return new ArrayList<>(params.values());
    }

    void register(Param p, Class<?> type, boolean collectionAllowed) {
        Object key = p.key();
        boolean named = p.name() != null;
        if (namedParams == null) {
            namedParams = named;
        } else if (namedParams != named) {
            throw p.pos().error("named and positional parameters cannot be mixed in one query",
                    "use only :name or only ?1 parameters");
        }
        ParameterInfo old = params.get(key);
        if (old == null) {
            params.put(key, new ParameterInfo(p.name(), p.position(), type, collectionAllowed));
            paramPos.put(key, p.pos());
            return;
        }
        // A use as Object (":p IS NULL") constrains neither the type nor whether a collection may be bound.
        if (type == Object.class) {
            return;
        }
        if (old.expectedType() == Object.class) {
            params.put(key, new ParameterInfo(p.name(), p.position(), type, collectionAllowed));
            return;
        }
        if (!type.equals(old.expectedType())) {
            throw p.pos().error("parameter " + p.label() + " is used as " + old.expectedType().getName() + " at "
                    + paramPos.get(key) + " and as " + type.getName() + " here", "use two parameters");
        }
        params.put(key, new ParameterInfo(p.name(), p.position(), type, old.collectionAllowed() && collectionAllowed));
    }
}
