package io.jynamo.tck.idgen;

import io.jynamo.JynamoProperties;
import io.jynamo.tck.idgen.Numbered.EmptyBlocks;
import io.jynamo.tck.idgen.Numbered.Invoice;
import io.jynamo.tck.idgen.Numbered.OtherSchema;
import io.jynamo.tck.idgen.Numbered.UuidOnLong;
import io.jynamo.tck.idgen.Numbered.ZeroFirst;
import io.jynamo.tck.model.Ticket;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.SchemaValidationException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator table in schema generation, and the generator mappings refused at bootstrap. */
class GeneratorSchemaTest {

    private static boolean exists(String table) {
        try {
            TestUnit.sharedClient().describeTable(b -> b.tableName(table));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    @Test
    void createMakesTheGeneratorTableValidateChecksItAndDropRemovesIt() throws SchemaValidationException {
        TestUnit unit = TestUnit.of(Invoice.class).build();
        String table = unit.prefix() + "jynamo_sequences";
        try {
            assertTrue(exists(table), "created by schema generation");
            var description = TestUnit.sharedClient().describeTable(b -> b.tableName(table)).table();
            assertEquals("name", description.keySchema().get(0).attributeName());
            unit.emf().getSchemaManager().validate();
            TestUnit.sharedClient().deleteTable(b -> b.tableName(table));
            SchemaValidationException e = assertThrows(SchemaValidationException.class,
                    () -> unit.emf().getSchemaManager().validate());
            assertTrue(e.getMessage().contains(table), e.getMessage());
            unit.emf().getSchemaManager().create(true);
            assertTrue(exists(table), "create makes it again");
        } finally {
            unit.close();
        }
        assertFalse(exists(table), "drop removes it");
    }

    @Test
    void aUnitWithoutNumericGeneratorsHasNoGeneratorTable() {
        try (TestUnit unit = TestUnit.of(Ticket.class).build()) {
            assertFalse(exists(unit.prefix() + "jynamo_sequences"));
        }
    }

    private static PersistenceException bootstrapFails(Class<?>... entities) {
        PersistenceConfiguration configuration = new PersistenceConfiguration("idgen-broken");
        for (Class<?> entity : entities) {
            configuration.managedClass(entity);
        }
        configuration.property(JynamoProperties.CLIENT, TestUnit.sharedClient());
        configuration.property(JynamoProperties.TABLE_PREFIX, "never-created-");
        return assertThrows(PersistenceException.class, configuration::createEntityManagerFactory);
    }

    private static void assertMentions(PersistenceException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void uuidStrategyOnANumericIdIsRefused() {
        assertMentions(bootstrapFails(UuidOnLong.class), UuidOnLong.class.getName(), "'id'", "UUID", "java.lang.Long");
    }

    @Test
    void whereASqlDatabaseWouldKeepAGeneratorIsIgnored() {
        try (TestUnit unit = TestUnit.of(OtherSchema.class).build()) {
            OtherSchema first = new OtherSchema();
            unit.inTransaction(em -> em.persist(first));
            assertEquals(1L, first.id, "the counter lives in the unit's one generator table");
        }
    }

    @Test
    void anAllocationSizeBelowOneIsRefused() {
        assertMentions(bootstrapFails(EmptyBlocks.class), EmptyBlocks.class.getName(), "empty", "allocationSize 0");
    }

    @Test
    void aPrimitiveIdWhoseFirstValueIsZeroIsRefused() {
        assertMentions(bootstrapFails(ZeroFirst.class), ZeroFirst.class.getName(), "zero", "initialValue");
    }

    @Test
    void oneGeneratorNameDeclaredTwiceDifferentlyIsRefused() {
        assertMentions(bootstrapFails(Numbered.ClashOne.class, Numbered.ClashTwo.class), "'clash'",
                Numbered.ClashOne.class.getName(), Numbered.ClashTwo.class.getName());
    }

    @Test
    void oneCounterWithTwoDifferentFirstValuesIsRefused() {
        assertMentions(bootstrapFails(Numbered.OrdersFromOne.class, Numbered.OrdersFromHundred.class), "'orders'",
                "ordersFromOne", "ordersFromHundred", "100");
    }
}
