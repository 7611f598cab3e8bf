package io.jynamo.tck.mapping;

import io.jynamo.JynamoPersistenceProvider;
import io.jynamo.JynamoProperties;
import io.jynamo.tck.mapping.orm.Badge;
import io.jynamo.tck.mapping.orm.Book;
import io.jynamo.tck.mapping.orm.Car;
import io.jynamo.tck.mapping.orm.Crate;
import io.jynamo.tck.mapping.orm.Gizmo;
import io.jynamo.tck.mapping.orm.Holder;
import io.jynamo.tck.mapping.orm.Parcel;
import io.jynamo.tck.mapping.orm.Place;
import io.jynamo.tck.mapping.orm.Shelf;
import io.jynamo.tck.mapping.orm.Tag;
import io.jynamo.tck.mapping.orm.Vehicle;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.spi.PersistenceUnitInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mappings declared in orm.xml (JPA 3.2 chapter 12): alone, over annotations, and instead of them. */
class OrmXmlTest {

    private static Map<String, AttributeValue> item(TestUnit unit, String table, String key, String id) {
        return TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + table)
                .key(Map.of(key, AttributeValue.fromS(id)))).item();
    }

    @Test
    void entityMappedOnlyInXmlIsPersistedFoundAndQueried() {
        try (TestUnit unit = TestUnit.of().mappingFile("orm/books-orm.xml").build()) {
            Book book = new Book("978-1", "Dune", 412, Book.Format.PAPERBACK);
            book.setScratch("not stored");
            unit.inTransaction(em -> em.persist(book));

            Map<String, AttributeValue> item = item(unit, "xml_books", "isbn", "978-1");
            assertEquals("Dune", item.get("book_title").s(), "<column name> names the stored attribute");
            assertEquals("PAPERBACK", item.get("format").s(), "<enumerated>STRING</enumerated> stores the name");
            assertEquals("412", item.get("pages").n());
            assertTrue(!item.containsKey("scratch") && !item.containsKey("title"), "stored: " + item.keySet());

            Book found = unit.fromTransaction(em -> em.find(Book.class, "978-1"));
            assertEquals("Dune", found.getTitle());
            assertEquals(Book.Format.PAPERBACK, found.getFormat());
            assertNull(found.getScratch(), "<transient> is not stored");
            List<Book> byJpql = unit.fromTransaction(em -> em.createQuery(
                    "SELECT b FROM XmlBook b WHERE b.pages > 400", Book.class).getResultList());
            assertEquals(List.of("978-1"), byJpql.stream().map(Book::getIsbn).toList());
        }
    }

    @Test
    void namedQueryDeclaredInXmlRuns() {
        try (TestUnit unit = TestUnit.of().mappingFile("orm/books-orm.xml").build()) {
            unit.inTransaction(em -> {
                em.persist(new Book("978-2", "Emma", 300, Book.Format.HARDCOVER));
                em.persist(new Book("978-3", "Ulysses", 700, Book.Format.HARDCOVER));
            });
            List<Book> found = unit.fromTransaction(em -> em.createNamedQuery("XmlBook.byTitle", Book.class)
                    .setParameter("title", "Emma").getResultList());
            assertEquals(List.of("978-2"), found.stream().map(Book::getIsbn).toList());
        }
    }

    @Test
    void xmlColumnAndEntityNameWinOverTheAnnotationsAndTheRestStays() {
        try (TestUnit unit = TestUnit.of(Gizmo.class).mappingFile("orm/gizmo-orm.xml").build()) {
            unit.inTransaction(em -> em.persist(new Gizmo("g1", "Widget", "red", "ignored")));
            Map<String, AttributeValue> item = item(unit, "annotated_gizmos", "id", "g1");
            assertEquals("Widget", item.get("xml_name").s(), "the XML's <column name> wins over @Column(name)");
            assertEquals("red", item.get("annotated_color").s(), "what the XML does not say stays annotated");
            assertTrue(!item.containsKey("note") && !item.containsKey("annotated_name"), "stored: " + item.keySet());
            assertEquals(1L, (long) unit.fromTransaction(em -> em.createQuery("SELECT COUNT(g) FROM XmlGizmo g", Long.class).getSingleResult()));
            assertThrows(IllegalArgumentException.class,
                    () -> unit.withEntityManager(em -> em.createQuery("SELECT g FROM AnnotatedGizmo g")),
                    "the XML's entity name replaces the annotation's");
        }
    }

    @Test
    void anXmlColumnThatIsNeitherInsertableNorUpdatableIsOnlyRead() {
        try (TestUnit unit = TestUnit.of(Gizmo.class).mappingFile("orm/readonly-orm.xml").build()) {
            unit.inTransaction(em -> em.persist(new Gizmo("g1", "Widget", "red", null)));
            Map<String, AttributeValue> item = item(unit, "annotated_gizmos", "id", "g1");
            assertEquals(Set.of("id", "annotated_name"), item.keySet());
            unit.calls().client().updateItem(u -> u.tableName(unit.prefix() + "annotated_gizmos")
                    .key(Map.of("id", AttributeValue.fromS("g1"))).updateExpression("SET annotated_color = :c")
                    .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("blue"))));
            assertEquals("blue", unit.fromTransaction(em -> em.find(Gizmo.class, "g1").getColor()));
        }
    }

    @Test
    void metadataCompleteIgnoresTheClassesAnnotations() {
        try (TestUnit unit = TestUnit.of(Gizmo.class).mappingFile("orm/sealed-orm.xml").build()) {
            unit.inTransaction(em -> em.persist(new Gizmo("g2", "Widget", "blue", "kept")));
            // @Table, @Column and @Transient are ignored: default table and attribute names, note stored.
            Map<String, AttributeValue> item = item(unit, "SealedGizmo", "id", "g2");
            assertEquals("Widget", item.get("name").s());
            assertEquals("blue", item.get("color").s());
            assertEquals("kept", item.get("note").s());
            assertEquals("kept", unit.fromTransaction(em -> em.find(Gizmo.class, "g2")).getNote());
        }
    }

    @Test
    void defaultListenersThenEntityListenersThenEntityCallbacksFireInSpecOrder() {
        try (TestUnit unit = TestUnit.of().mappingFile("orm/callbacks-orm.xml").build()) {
            Parcel.EVENTS.clear();
            unit.inTransaction(em -> em.persist(new Parcel("p1")));
            assertEquals(List.of("default:prePersist:p1", "listener:prePersist:p1", "entity:prePersist:p1",
                    "listener:postPersist:p1"), Parcel.EVENTS, "JPA 3.2 section 3.6.1; the listener's XML pre-persist "
                    + "replaces its annotated @PrePersist, its annotated @PostPersist still counts");
            Parcel.EVENTS.clear();
            unit.inTransaction(em -> em.find(Parcel.class, "p1"));
            assertEquals(List.of("default:postLoad:p1", "entity:postLoad:p1"), Parcel.EVENTS);

            Parcel.EVENTS.clear();
            unit.inTransaction(em -> em.persist(new Crate("c1")));
            assertEquals(List.of(), Parcel.EVENTS, "<exclude-default-listeners/> excludes the default listeners");
        }
    }

    @Test
    void mappedSuperclassEmbeddableAndElementCollectionDeclaredInXmlAreStoredAsMapped() {
        try (TestUnit unit = TestUnit.of().mappingFile("orm/shelves-orm.xml").build()) {
            unit.inTransaction(em -> em.persist(new Shelf("s1", 7, new Place("B", 3), List.of("red", "low"))));
            Map<String, AttributeValue> item = item(unit, "Shelf", "shelf_code", "s1");
            assertEquals("7", item.get("qty").n(), "the mapped superclass's <column>");
            Map<String, AttributeValue> place = item.get("place").m();
            assertEquals("B", place.get("aisle_no").s(), "the <embedded>'s <attribute-override>");
            assertEquals("3", place.get("row_no").n(), "the <embeddable>'s <column>");
            assertEquals(List.of("red", "low"), item.get("tags").l().stream().map(AttributeValue::s).toList());
            Shelf found = unit.fromTransaction(em -> em.find(Shelf.class, "s1"));
            assertEquals(List.of("B", "3", "7", "[red, low]"), List.of(found.getPlace().getAisle(),
                    "" + found.getPlace().getRow(), "" + found.getCount(), "" + found.getTags()));
        }
    }

    @Test
    void inheritanceDeclaredInXmlSharesTheRootsTableWithItsDiscriminator() {
        try (TestUnit unit = TestUnit.of().mappingFile("orm/vehicles-orm.xml").build()) {
            unit.inTransaction(em -> em.persist(new Car("v1", 5)));
            assertEquals("CAR", item(unit, "XmlVehicle", "id", "v1").get("kind").s());
            List<Vehicle> all = unit.fromTransaction(em -> em.createQuery("SELECT v FROM XmlVehicle v", Vehicle.class)
                    .getResultList());
            assertEquals(5, ((Car) all.get(0)).getSeats());
        }
    }

    @Test
    void propertyAccessDeclaredInXmlMapsTheGetters() {
        try (TestUnit unit = TestUnit.of().mappingFile("orm/tags-orm.xml").build()) {
            Tag tag = new Tag();
            tag.setName("t1");
            tag.setLabel("Urgent");
            unit.inTransaction(em -> em.persist(tag));
            Map<String, AttributeValue> item = item(unit, "Tag", "name", "t1");
            assertEquals("Urgent", item.get("tag_label").s());
            assertTrue(!item.containsKey("n") && !item.containsKey("l"), "stored: " + item.keySet());
        }
    }

    @Test
    void xmlAttributeOfAnAnnotatedPropertyAccessClassMapsItsGetter() {
        try (TestUnit unit = TestUnit.of(Badge.class).mappingFile("orm/badge-orm.xml").build()) {
            Badge badge = new Badge();
            badge.setId("b1");
            badge.setLabel("Gold");
            unit.inTransaction(em -> em.persist(badge));
            assertEquals("Gold", item(unit, "Badge", "id", "b1").get("badge_label").s(),
                    "the annotated @Id on a getter makes <basic name=\"label\"> the getter, not the field");
        }
    }

    @Test
    void unitWideMetadataCompleteIgnoresEveryClassesAnnotations() {
        try (TestUnit unit = TestUnit.of(Gizmo.class).mappingFile("orm/unit-complete-orm.xml").build()) {
            unit.inTransaction(em -> em.persist(new Gizmo("g3", "Widget", "green", "kept")));
            Map<String, AttributeValue> item = item(unit, "PlainGizmo", "id", "g3");
            assertEquals(List.of("color", "id", "name", "note"), item.keySet().stream().sorted().toList());
        }
    }

    @Test
    void relationshipDeclaredInXmlIsMappedLikeItsAnnotation() {
        try (TestUnit unit = TestUnit.of().mappingFile("orm/relationship-orm.xml").build()) {
            // cascade-persist from the XML stores the vehicle too
            unit.inTransaction(em -> em.persist(new Holder("h1", new Vehicle("v1"))));
            assertEquals("v1", item(unit, "Holder", "id", "h1").get("vehicle_id").s(), "the XML's join column");
            assertEquals("v1", item(unit, "HolderVehicle", "id", "v1").get("id").s());
            String vehicle = unit.withEntityManager(em -> em.find(Holder.class, "h1").getVehicle().getId());
            assertEquals("v1", vehicle);
        }
    }

    @Test
    void aOneToManyJoinColumnInXmlStoresTheOwnersKeyOnTheChildren() {
        try (TestUnit unit = TestUnit.of().mappingFile("orm/fleet-orm.xml").build()) {
            unit.inTransaction(em -> {
                io.jynamo.tck.mapping.orm.Fleet fleet = new io.jynamo.tck.mapping.orm.Fleet("f1");
                fleet.getVehicles().add(new Vehicle("v1"));
                em.persist(fleet);
            });
            assertEquals("f1", item(unit, "FleetVehicle", "id", "v1").get("fleet_id").s(), "the XML's join column");
            assertEquals(List.of("v1"), unit.withEntityManager(em -> em.find(io.jynamo.tck.mapping.orm.Fleet.class, "f1")
                    .getVehicles().stream().map(Vehicle::getId).toList()));
        }
    }

    @Test
    void joinColumnsInXmlReplaceTheAnnotatedOnes() {
        try (TestUnit unit = TestUnit.of(io.jynamo.tck.mapping.orm.Pallet.class, io.jynamo.tck.mapping.orm.Pallet.Dock.class,
                io.jynamo.tck.mapping.orm.Pallet.Bay.class).mappingFile("orm/pallet-orm.xml").build()) {
            unit.inTransaction(em -> {
                var dock = new io.jynamo.tck.mapping.orm.Pallet.Dock("d1");
                var bay = new io.jynamo.tck.mapping.orm.Pallet.Bay("A", 3);
                em.persist(dock);
                em.persist(bay);
                em.persist(new io.jynamo.tck.mapping.orm.Pallet("p1", dock, bay));
            });
            Map<String, AttributeValue> item = item(unit, "Pallet", "id", "p1");
            assertEquals("d1", item.get("dock_id").s());
            assertEquals("A", item.get("bay_aisle").s());
            assertEquals("3", item.get("bay_slot").n());
            assertTrue(!item.containsKey("dock_ref") && !item.containsKey("bay_row") && !item.containsKey("bay_col"), item.toString());
            io.jynamo.tck.mapping.orm.Pallet found = unit.withEntityManager(em -> em.find(io.jynamo.tck.mapping.orm.Pallet.class, "p1"));
            assertEquals(3, found.bay.slot);
        }
    }

    @Test
    void misspeltElementIsReportedWithFileLineAndElement() {
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> TestUnit.of().mappingFile("orm/bad-element-orm.xml").build());
        assertTrue(e.getMessage().contains("bad-element-orm.xml, line 9, <colum>"), e.getMessage());
        assertTrue(e.getMessage().contains("is not an orm.xml element Jynamo reads"), e.getMessage());
    }

    @Test
    void unknownClassIsReportedWithWhatToWrite() {
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> TestUnit.of().mappingFile("orm/bad-class-orm.xml").build());
        assertTrue(e.getMessage().contains("bad-class-orm.xml, line 6, <entity>: names class "
                + "io.jynamo.tck.mapping.orm.Missing, which the unit's class loader cannot load"), e.getMessage());
    }

    @Test
    void attributeTheClassDoesNotHaveIsReported() {
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> TestUnit.of().mappingFile("orm/bad-attribute-orm.xml").build());
        assertTrue(e.getMessage().contains("line 7, <basic>: io.jynamo.tck.mapping.orm.Book has no field or getter for "
                + "attribute 'subtitle'"), e.getMessage());
    }

    @Test
    void classDeclaredInTwoMappingFilesIsReportedWithBothPlaces() {
        PersistenceException e = assertThrows(PersistenceException.class, () -> TestUnit.of()
                .mappingFile("orm/gizmo-orm.xml").mappingFile("orm/duplicate-orm.xml").build());
        assertTrue(e.getMessage().contains("duplicate-orm.xml, line 6, <entity>: declares io.jynamo.tck.mapping.orm.Gizmo,"
                + " which "), e.getMessage());
        assertTrue(e.getMessage().contains("gizmo-orm.xml, line 7 declares already"), e.getMessage());
    }

    @Test
    void malformedXmlIsReportedWithFileAndLine() {
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> TestUnit.of().mappingFile("orm/malformed-orm.xml").build());
        assertTrue(e.getMessage().contains("malformed-orm.xml is not well-formed XML at line 7"), e.getMessage());
    }

    @Test
    void missingMappingFileIsReported() {
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> TestUnit.of().mappingFile("orm/nowhere.xml").build());
        assertTrue(e.getMessage().contains("names the mapping file orm/nowhere.xml, which is not a resource"), e.getMessage());
    }

    @Test
    void metaInfOrmXmlOfTheUnitsRootIsReadWithoutBeingNamed(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("META-INF"));
        try (var in = OrmXmlTest.class.getResourceAsStream("/orm/books-orm.xml")) {
            Files.copy(in, root.resolve("META-INF/orm.xml"));
        }
        String prefix = "orm-root-" + ProcessHandle.current().pid() + "-";
        Properties properties = new Properties();
        properties.put(JynamoProperties.CLIENT, TestUnit.sharedClient());
        properties.put(JynamoProperties.TABLE_PREFIX, prefix);
        properties.put(JynamoProperties.SCHEMA_ACTION, "drop-and-create");
        EntityManagerFactory emf = new JynamoPersistenceProvider().createContainerEntityManagerFactory(
                unitInfo(root.toUri().toURL(), properties), Map.of());
        try {
            emf.runInTransaction(em -> em.persist(new Book("978-4", "Beloved", 320, Book.Format.HARDCOVER)));
            assertEquals("Beloved", emf.callInTransaction(em -> em.find(Book.class, "978-4")).getTitle());
        } finally {
            emf.getSchemaManager().drop(true);
            emf.close();
        }
    }

    @Test
    void persistenceXmlUnitReadsItsMappingFilesAndTheOrmXmlBesideIt(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("META-INF"));
        try (var in = OrmXmlTest.class.getResourceAsStream("/orm/books-orm.xml")) {
            Files.copy(in, root.resolve("META-INF/orm.xml"));
        }
        Files.writeString(root.resolve("META-INF/persistence.xml"), """
                <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.2">
                  <persistence-unit name="orm-xml-unit">
                    <provider>io.jynamo.JynamoPersistenceProvider</provider>
                    <mapping-file>orm/gizmo-orm.xml</mapping-file>
                    <class>io.jynamo.tck.mapping.orm.Gizmo</class>
                    <exclude-unlisted-classes>true</exclude-unlisted-classes>
                  </persistence-unit>
                </persistence>
                """);
        String prefix = "orm-unit-" + ProcessHandle.current().pid() + "-";
        Map<String, Object> properties = Map.of(JynamoProperties.CLIENT, TestUnit.sharedClient(),
                JynamoProperties.TABLE_PREFIX, prefix, JynamoProperties.SCHEMA_ACTION, "drop-and-create");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{root.toUri().toURL()}, OrmXmlTest.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            EntityManagerFactory emf = Persistence.createEntityManagerFactory("orm-xml-unit", properties);
            try {
                emf.runInTransaction(em -> {
                    em.persist(new Book("978-5", "Middlemarch", 880, Book.Format.PAPERBACK));
                    em.persist(new Gizmo("g4", "Widget", "red", null));
                });
                assertEquals(2L, (long) emf.callInTransaction(em -> em.createQuery("SELECT COUNT(b) FROM XmlBook b", Long.class)
                        .getSingleResult()) + emf.callInTransaction(em -> em.createQuery("SELECT COUNT(g) FROM XmlGizmo g",
                        Long.class).getSingleResult()), "META-INF/orm.xml maps XmlBook, the <mapping-file> renames Gizmo");
            } finally {
                emf.getSchemaManager().drop(true);
                emf.close();
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** A container's description of a unit with no classes of its own, rooted at {@code root}. */
    private static PersistenceUnitInfo unitInfo(URL root, Properties properties) {
        return (PersistenceUnitInfo) Proxy.newProxyInstance(OrmXmlTest.class.getClassLoader(),
                new Class<?>[]{PersistenceUnitInfo.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPersistenceUnitName" -> "orm-root";
                    case "getPersistenceProviderClassName" -> JynamoPersistenceProvider.class.getName();
                    case "getPersistenceUnitRootUrl" -> root;
                    case "getManagedClassNames", "getMappingFileNames", "getJarFileUrls" -> List.of();
                    case "excludeUnlistedClasses" -> true;
                    case "getProperties" -> properties;
                    case "getClassLoader" -> OrmXmlTest.class.getClassLoader();
                    case "toString" -> "orm-root unit";
                    case "hashCode" -> 0;
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }
}
