package io.jynamo.tck.mapping.orm;

/** The unit's default listener in callbacks-orm.xml: its methods carry no annotation. */
public class DefaultListener {
    void saving(Object entity) {
        Parcel.EVENTS.add("default:prePersist:" + id(entity));
    }

    void loaded(Object entity) {
        Parcel.EVENTS.add("default:postLoad:" + id(entity));
    }

    static String id(Object entity) {
        return entity instanceof Parcel p ? p.getId() : ((Crate) entity).getId();
    }
}
