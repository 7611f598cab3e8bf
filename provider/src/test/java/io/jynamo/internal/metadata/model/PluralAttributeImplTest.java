package io.jynamo.internal.metadata.model;

import io.jynamo.internal.metadata.model.Model.User;
import jakarta.persistence.metamodel.Attribute.PersistentAttributeType;
import jakarta.persistence.metamodel.Bindable;
import jakarta.persistence.metamodel.CollectionAttribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ListAttribute;
import jakarta.persistence.metamodel.PluralAttribute.CollectionType;
import jakarta.persistence.metamodel.SetAttribute;
import jakarta.persistence.metamodel.Type;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluralAttributeImplTest {

    private final EntityType<User> user = Model.metamodel().entity(User.class);

    @Test
    void listAttributeIsAnElementCollectionOfBasics() throws Exception {
        ListAttribute<? super User, String> tags = user.getList("tags", String.class);
        assertEquals("tags", tags.getName());
        assertEquals(CollectionType.LIST, tags.getCollectionType());
        assertEquals(List.class, tags.getJavaType());
        assertEquals(String.class, tags.getElementType().getJavaType());
        assertEquals(Type.PersistenceType.BASIC, tags.getElementType().getPersistenceType());
        assertEquals(PersistentAttributeType.ELEMENT_COLLECTION, tags.getPersistentAttributeType());
        assertEquals(Bindable.BindableType.PLURAL_ATTRIBUTE, tags.getBindableType());
        assertEquals(String.class, tags.getBindableJavaType());
        assertEquals(User.class.getDeclaredField("tags"), tags.getJavaMember());
        assertSame(user, tags.getDeclaringType());
        assertTrue(tags.isCollection());
        assertFalse(tags.isAssociation());
    }

    @Test
    void setAttributeIsASet() {
        SetAttribute<? super User, Integer> lucky = user.getSet("lucky", Integer.class);
        assertEquals(CollectionType.SET, lucky.getCollectionType());
        assertEquals(Set.class, lucky.getJavaType());
        assertEquals(Integer.class, lucky.getBindableJavaType());
        assertSame(lucky, user.getSet("lucky"));
        assertSame(lucky, user.getDeclaredSet("lucky"));
        assertSame(lucky, user.getDeclaredSet("lucky", Integer.class));
    }

    @Test
    void collectionAttributeIsACollection() {
        CollectionAttribute<? super User, String> notes = user.getCollection("notes", String.class);
        assertEquals(CollectionType.COLLECTION, notes.getCollectionType());
        assertEquals(Collection.class, notes.getJavaType());
        assertSame(notes, user.getCollection("notes"));
        assertSame(notes, user.getDeclaredCollection("notes"));
        assertSame(notes, user.getDeclaredCollection("notes", String.class));
    }

    @Test
    void listLookupsAgree() {
        ListAttribute<? super User, ?> tags = user.getList("tags");
        assertSame(tags, user.getDeclaredList("tags"));
        assertSame(tags, user.getDeclaredList("tags", String.class));
        assertSame(tags, user.getAttribute("tags"));
        assertTrue(user.getPluralAttributes().contains(tags));
    }

    @Test
    void wrongCollectionKindIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> user.getSet("tags"));
        assertTrue(e.getMessage().contains("'tags'") && e.getMessage().contains("not a Set attribute"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> user.getList("lucky"));
        assertThrows(IllegalArgumentException.class, () -> user.getCollection("tags"));
        assertThrows(IllegalArgumentException.class, () -> user.getDeclaredSet("notes", String.class));
    }

    @Test
    void singularAttributeIsNotACollection() {
        var e = assertThrows(IllegalArgumentException.class, () -> user.getList("age"));
        assertTrue(e.getMessage().contains("singular attribute of type int"), e.getMessage());
    }

    @Test
    void wrongElementTypeIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> user.getList("tags", Integer.class));
        assertTrue(e.getMessage().contains("element type") && e.getMessage().contains("java.lang.String"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> user.getSet("lucky", String.class));
        assertThrows(IllegalArgumentException.class, () -> user.getCollection("notes", Long.class));
        assertThrows(IllegalArgumentException.class, () -> user.getDeclaredList("tags", null));
    }

    @Test
    void primitiveElementTypeMatchesItsWrapper() {
        assertSame(user.getSet("lucky"), user.getSet("lucky", int.class));
    }

    @Test
    void pluralAttributeIsNotSingular() {
        var e = assertThrows(IllegalArgumentException.class, () -> user.getSingularAttribute("tags"));
        assertTrue(e.getMessage().contains("List attribute of java.lang.String"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> user.getDeclaredSingularAttribute("lucky"));
    }

    @Test
    void mapLookupsAlwaysFail() {
        var e = assertThrows(IllegalArgumentException.class, () -> user.getMap("tags"));
        assertTrue(e.getMessage().contains("not a Map attribute"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> user.getDeclaredMap("tags"));
        assertThrows(IllegalArgumentException.class, () -> user.getMap("tags", String.class, String.class));
        assertThrows(IllegalArgumentException.class, () -> user.getDeclaredMap("nothing", String.class, String.class));
    }
}
