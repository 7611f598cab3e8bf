package io.jynamo.internal.metadata.model;

import io.jynamo.internal.metadata.model.Model.User;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManagedTypeImplTest {

    private final EntityType<User> user = Model.metamodel().entity(User.class);

    @Test
    void everyLookupOfOneAttributeAnswersTheSameObject() {
        SingularAttribute<? super User, ?> score = user.getSingularAttribute("score");
        assertSame(score, user.getAttribute("score"));
        assertSame(score, user.getDeclaredAttribute("score"));
        assertSame(score, user.getDeclaredSingularAttribute("score"));
        assertSame(score, user.getSingularAttribute("score", Long.class));
        assertSame(score, user.getDeclaredSingularAttribute("score", Long.class));
        assertTrue(user.getSingularAttributes().contains(score));
    }

    @Test
    void unknownAttributeIsRefusedWithTheKnownNames() {
        var e = assertThrows(IllegalArgumentException.class, () -> user.getAttribute("nope"));
        assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("Entity User"), e.getMessage());
        assertTrue(e.getMessage().contains("email"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> user.getDeclaredAttribute("nope"));
        assertThrows(IllegalArgumentException.class, () -> user.getSingularAttribute("nope"));
        assertThrows(IllegalArgumentException.class, () -> user.getSingularAttribute("nope", String.class));
        assertThrows(IllegalArgumentException.class, () -> user.getList("nope"));
        assertThrows(IllegalArgumentException.class, () -> user.getSet("nope", String.class));
        assertThrows(IllegalArgumentException.class, () -> user.getCollection("nope"));
    }

    @Test
    void typedSingularLookupChecksTheType() {
        var e = assertThrows(IllegalArgumentException.class, () -> user.getSingularAttribute("score", String.class));
        assertTrue(e.getMessage().contains("'score'") && e.getMessage().contains("java.lang.Long")
                && e.getMessage().contains("java.lang.String"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> user.getDeclaredSingularAttribute("age", Long.class));
        assertThrows(IllegalArgumentException.class, () -> user.getSingularAttribute("age", null));
    }

    @Test
    void typedSingularLookupAcceptsPrimitiveWrapperAndSupertype() {
        SingularAttribute<? super User, ?> age = user.getSingularAttribute("age");
        assertSame(age, user.getSingularAttribute("age", int.class));
        assertSame(age, user.getSingularAttribute("age", Integer.class));
        assertSame(age, user.getSingularAttribute("age", Number.class));
        assertSame(age, user.getSingularAttribute("age", Object.class));
    }
}
