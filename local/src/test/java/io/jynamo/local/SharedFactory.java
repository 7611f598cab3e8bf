package io.jynamo.local;

import io.jynamo.JynamoProperties;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;

import java.util.List;

/**
 * One factory for several test classes, as a user keeps one to spare each class the schema
 * generation: its tables are created once, when the first class needs it.
 */
final class SharedFactory {

    private static EntityManagerFactory factory;

    private SharedFactory() {
    }

    static synchronized EntityManagerFactory get() {
        if (factory == null) {
            factory = new PersistenceConfiguration("local-shared")
                    .managedClass(Note.class)
                    .property(JynamoProperties.ENDPOINT, "embedded")
                    .property(JynamoProperties.SCAN, "allow")
                    .property(JynamoProperties.SCHEMA_ACTION, "create")
                    .createEntityManagerFactory();
        }
        return factory;
    }

    /** Stores a note and returns the ids of all notes stored. */
    static List<String> storeAndList(String id) {
        get().runInTransaction(em -> em.persist(new Note(id, "written by " + id)));
        return get().callInTransaction(em -> em.createQuery("SELECT n FROM Note n", Note.class).getResultList()
                .stream().map(Note::id).toList());
    }
}
