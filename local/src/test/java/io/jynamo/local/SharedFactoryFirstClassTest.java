package io.jynamo.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With {@link SharedFactorySecondClassTest}: two classes, one factory, the extension between them. */
@ExtendWith(JynamoLocalExtension.class)
class SharedFactoryFirstClassTest {

    @Test
    void aFactoryCreatedByAnotherTestClassStillWorksAndSeesOnlyThisClassItems() {
        assertEquals(List.of("first"), SharedFactory.storeAndList("first"));
    }
}
