package io.jynamo.internal.metadata.model;

import io.jynamo.internal.metadata.model.Model.Address;
import io.jynamo.internal.metadata.model.Model.Status;
import io.jynamo.internal.metadata.model.Model.User;
import jakarta.persistence.metamodel.Attribute.PersistentAttributeType;
import jakarta.persistence.metamodel.Bindable;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.Type;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SingularAttributeImplTest {

    private final MetamodelImpl metamodel = Model.metamodel();
    private final EntityType<User> user = metamodel.entity(User.class);

    @Test
    void primitiveAttributeKeepsThePrimitiveClassButBindsTheWrapper() {
        SingularAttribute<? super User, Integer> age = user.getSingularAttribute("age", Integer.class);
        assertEquals(int.class, age.getJavaType());
        assertEquals(Integer.class, age.getBindableJavaType());
        assertEquals(Integer.class, age.getType().getJavaType());
        assertEquals(Type.PersistenceType.BASIC, age.getType().getPersistenceType());
    }

    @Test
    void basicAttributeDescribesItself() throws Exception {
        SingularAttribute<? super User, ?> score = user.getSingularAttribute("score");
        assertEquals("score", score.getName());
        assertEquals(Long.class, score.getJavaType());
        assertEquals(User.class.getDeclaredField("score"), score.getJavaMember());
        assertEquals(PersistentAttributeType.BASIC, score.getPersistentAttributeType());
        assertEquals(Bindable.BindableType.SINGULAR_ATTRIBUTE, score.getBindableType());
        assertSame(user, score.getDeclaringType());
        assertFalse(score.isId());
        assertFalse(score.isVersion());
        assertFalse(score.isAssociation());
        assertFalse(score.isCollection());
    }

    @Test
    void enumAttributeIsBasic() {
        SingularAttribute<? super User, Status> status = user.getSingularAttribute("status", Status.class);
        assertEquals(PersistentAttributeType.BASIC, status.getPersistentAttributeType());
        assertEquals(Status.class, status.getType().getJavaType());
    }

    @Test
    void optionalityFollowsIdsPrimitivesAndBasicOptional() {
        assertTrue(user.getSingularAttribute("score").isOptional());
        assertTrue(user.getSingularAttribute("address").isOptional());
        assertFalse(user.getSingularAttribute("email").isOptional());
        assertFalse(user.getSingularAttribute("age").isOptional());
        assertFalse(user.getSingularAttribute("version").isOptional());
        assertFalse(user.getSingularAttribute("name").isOptional());
    }

    @Test
    void embeddedAttributeHasItsEmbeddableType() {
        SingularAttribute<? super User, Address> address = user.getSingularAttribute("address", Address.class);
        assertEquals(PersistentAttributeType.EMBEDDED, address.getPersistentAttributeType());
        assertEquals(Address.class, address.getJavaType());
        assertEquals(Address.class, address.getBindableJavaType());
        assertSame(metamodel.embeddable(Address.class), address.getType());
        assertEquals(Type.PersistenceType.EMBEDDABLE, address.getType().getPersistenceType());
        assertFalse(address.isCollection());
        assertFalse(address.isAssociation());
    }

    @Test
    void toStringNamesTypeAndAttribute() {
        assertEquals("User.age", user.getAttribute("age").toString());
    }
}
