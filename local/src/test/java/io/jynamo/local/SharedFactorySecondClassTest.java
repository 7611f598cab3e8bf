package io.jynamo.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With {@link SharedFactoryFirstClassTest}: two classes, one factory, the extension between them. */
@ExtendWith(JynamoLocalExtension.class)
class SharedFactorySecondClassTest {

    @Test
    void aFactoryCreatedByAnotherTestClassStillWorksAndSeesOnlyThisClassItems() {
        assertEquals(List.of("second"), SharedFactory.storeAndList("second"));
    }
}
