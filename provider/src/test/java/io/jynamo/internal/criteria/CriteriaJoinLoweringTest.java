package io.jynamo.internal.criteria;

import io.jynamo.internal.metadata.Metadata;
import io.jynamo.internal.metadata.MetadataBuilder;
import io.jynamo.internal.metadata.model.MetamodelImpl;
import io.jynamo.internal.query.ProviderQueryModel;
import io.jynamo.jpql.CompiledQuery;
import io.jynamo.jpql.JpqlCompiler;
import io.jynamo.jpql.model.AssociationInfo;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Fetch;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.ListJoin;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Root;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Joins and fetches of criteria queries lower to the statement of the equivalent JPQL: the same text, the same
 * analysis (fetches, conditions) and the same plan; what JPQL refuses is refused, naming the construct.
 */
class CriteriaJoinLoweringTest {

    @Entity
    static class Shop {
        @Id
        String id;
        String name;
    }

    @Entity
    static class Buyer {
        @Id
        String id;
        String email;
        @ManyToOne(fetch = FetchType.LAZY)
        Shop shop;
        @OneToMany(mappedBy = "buyer")
        List<Sale> sales = new ArrayList<>();
        @ElementCollection
        Set<String> tags;
        @Embedded
        Place place;
    }

    @Embeddable
    static class Place {
        String city;
    }

    @Entity
    static class Sale {
        @Id
        String id;
        int amount;
        @ManyToOne(fetch = FetchType.LAZY)
        Buyer buyer;
    }

    private final Metadata metadata = new MetadataBuilder("").build(List.of(Shop.class, Buyer.class, Sale.class));
    private final CriteriaBuilder cb = new CriteriaBuilderImpl(new MetamodelImpl(metadata));
    private final ProviderQueryModel model = new ProviderQueryModel(metadata);

    /** The criteria query's text is the JPQL, and both compile to the same plan and fetches. */
    private CompiledQuery sameAsJpql(CriteriaQuery<?> q, String jpql) {
        CriteriaStatement lowered = CriteriaStatement.of(q);
        assertEquals(jpql, lowered.text());
        CompiledQuery criteria = JpqlCompiler.compile(lowered.statement(), lowered.text(), model);
        CompiledQuery parsed = JpqlCompiler.compile(jpql, model);
        assertEquals(parsed.explain(null), criteria.explain(null));
        assertEquals(names(parsed.fetches()), names(criteria.fetches()));
        assertEquals(parsed.selectKind(), criteria.selectKind());
        assertEquals(parsed.selectedAssociation(), criteria.selectedAssociation());
        assertEquals(parsed.parameters().stream().map(p -> String.valueOf(p)).toList(),
                criteria.parameters().stream().map(p -> String.valueOf(p)).toList());
        return criteria;
    }

    private static List<String> names(List<AssociationInfo> associations) {
        return associations.stream().map(AssociationInfo::name).toList();
    }

    private static IllegalArgumentException refused(Runnable build) {
        return assertThrows(IllegalArgumentException.class, build::run);
    }

    private IllegalArgumentException refusedAtCompile(CriteriaQuery<?> q) {
        return refused(() -> {
            CriteriaStatement lowered = CriteriaStatement.of(q);
            JpqlCompiler.compile(lowered.statement(), lowered.text(), model);
        });
    }

    @Test
    void anInnerJoinWithAConditionOnTheTargetsKeyIsTheForeignKeyCondition() {
        CriteriaQuery<Sale> q = cb.createQuery(Sale.class);
        Root<Sale> s = q.from(Sale.class);
        Join<Sale, Buyer> b = s.join("buyer");
        ParameterExpression<String> id = cb.parameter(String.class, "b");
        q.where(cb.equal(b.get("id"), id));
        CompiledQuery c = sameAsJpql(q, "SELECT e0 FROM Sale e0 JOIN e0.buyer e1 WHERE e1.id = :b");
        assertTrue(c.explain(null).contains("fk_buyer_id"), c.explain(null));
    }

    @Test
    void aLeftJoinAndTheMetamodelOverloadsLowerAlike() {
        CriteriaQuery<Sale> q = cb.createQuery(Sale.class);
        Root<Sale> s = q.from(Sale.class);
        @SuppressWarnings("unchecked")
        var buyer = (jakarta.persistence.metamodel.SingularAttribute<Sale, Buyer>) s.getModel().getSingularAttribute("buyer");
        Join<Sale, Buyer> b = s.join(buyer, JoinType.LEFT);
        q.where(cb.equal(b.get("id"), cb.parameter(String.class, "b")));
        sameAsJpql(q, "SELECT e0 FROM Sale e0 LEFT JOIN e0.buyer e1 WHERE e1.id = :b");
        assertEquals(JoinType.LEFT, b.getJoinType());
        assertSame(s, b.getParent());
        assertEquals("buyer", b.getAttribute().getName());
        assertEquals(Set.of(b), s.getJoins());
        assertTrue(s.getFetches().isEmpty());
        assertNull(b.getOn());
    }

    @Test
    void aFetchOfAToOneAndALeftFetchOfACollectionAreJoinFetches() {
        CriteriaQuery<Sale> q = cb.createQuery(Sale.class);
        Root<Sale> s = q.from(Sale.class);
        Fetch<Sale, Buyer> f = s.fetch("buyer", JoinType.LEFT);
        q.where(cb.equal(s.get("id"), cb.parameter(String.class, "id")));
        sameAsJpql(q, "SELECT e0 FROM Sale e0 LEFT JOIN FETCH e0.buyer e1 WHERE e0.id = :id");
        assertEquals(Set.of(f), s.getFetches());
        assertTrue(s.getJoins().isEmpty());

        CriteriaQuery<Buyer> qb = cb.createQuery(Buyer.class);
        Root<Buyer> b = qb.from(Buyer.class);
        b.fetch("sales", JoinType.LEFT);
        b.fetch("shop");
        qb.where(cb.equal(b.get("id"), cb.parameter(String.class, "id")));
        CompiledQuery c = sameAsJpql(qb, "SELECT e0 FROM Buyer e0 LEFT JOIN FETCH e0.sales e1 JOIN FETCH e0.shop e2 WHERE e0.id = :id");
        assertEquals(List.of("sales", "shop"), names(c.fetches()));
    }

    @Test
    void equalCriteriaWithJoinsHaveEqualStatementsSoOnePlanIsCached() {
        java.util.function.Function<String, CriteriaStatement> byBuyer = id -> {
            CriteriaQuery<Sale> q = cb.createQuery(Sale.class);
            Root<Sale> s = q.from(Sale.class);
            s.fetch("buyer");
            q.where(cb.equal(s.join("buyer").get("id"), id));
            return CriteriaStatement.of(q);
        };
        assertEquals(byBuyer.apply("a").statement(), byBuyer.apply("b").statement());
    }

    @Test
    void selectingAJoinedToOneIsSelectingItsVariableWhichTheAnalysisDecidesOn() {
        CriteriaQuery<Buyer> q = cb.createQuery(Buyer.class);
        Root<Sale> s = q.from(Sale.class);
        Join<Sale, Buyer> b = s.join("buyer");
        q.select(b).where(cb.equal(s.get("id"), cb.parameter(String.class, "id")));
        CompiledQuery c = sameAsJpql(q, "SELECT e1 FROM Sale e0 JOIN e0.buyer e1 WHERE e0.id = :id");
        assertEquals("buyer", c.selectedAssociation().name(), "the provider reads the buyers of the sales read");
    }

    @Test
    void anAliasIsTheJoinsVariable() {
        CriteriaQuery<Sale> q = cb.createQuery(Sale.class);
        Root<Sale> s = q.from(Sale.class);
        s.alias("s");
        Join<Sale, Buyer> b = s.join("buyer");
        b.alias("b");
        q.where(cb.equal(b, cb.parameter(Buyer.class, "buyer")));
        sameAsJpql(q, "SELECT s FROM Sale s JOIN s.buyer b WHERE b = :buyer");
    }

    @Test
    void whatJpqlRefusesOrRunsForJoinsIsDecidedAsInJpql() {
        // an inner join over a collection without a condition on it: each buyer once per sale, as in JPQL
        CriteriaQuery<Buyer> q = cb.createQuery(Buyer.class);
        q.from(Buyer.class).join("sales");
        assertEquals("sales", sameAsJpql(q, "SELECT e0 FROM Buyer e0 JOIN e0.sales e1").collectionRows().association());
        // two such joins: refused by the analysis, as in JPQL
        CriteriaQuery<Buyer> two = cb.createQuery(Buyer.class);
        Root<Buyer> b = two.from(Buyer.class);
        b.join("sales");
        b.join("sales");
        String m = refusedAtCompile(two).getMessage();
        assertTrue(m.contains("JOIN e0.sales") && m.contains("LEFT JOIN FETCH"), m);
        // an inner fetch of a collection: fetched, then the owners without one dropped, as in JPQL
        CriteriaQuery<Buyer> f = cb.createQuery(Buyer.class);
        f.from(Buyer.class).fetch("sales");
        assertEquals(List.of("sales"), names(sameAsJpql(f, "SELECT e0 FROM Buyer e0 JOIN FETCH e0.sales e1").innerFetches()));
    }

    @Test
    void joinConstructsDynamoDbCannotServeAreRefusedNamingThem() {
        CriteriaQuery<Buyer> q = cb.createQuery(Buyer.class);
        Root<Buyer> b = q.from(Buyer.class);
        assertMessage(refused(() -> b.join("nope")), "nope");
        assertMessage(refused(() -> b.join("email")), "Buyer.email is a basic attribute");
        assertMessage(refused(() -> b.join("place")), "joining the embedded Buyer.place");
        assertMessage(refused(() -> b.join("tags")), "the element collection Buyer.tags");
        assertMessage(refused(() -> b.fetch("tags")), "fetching the element collection Buyer.tags");
        assertMessage(refused(() -> b.join("shop", JoinType.RIGHT)), "RIGHT join");
        assertMessage(refused(() -> b.join(Shop.class)), "joining the entity Shop by its type");
        assertMessage(refused(() -> b.joinSet("sales")), "'sales' is a list attribute, not a set; use joinList");
        assertMessage(refused(() -> b.joinList("shop")), "'shop' is a single-valued attribute");
        ListJoin<Buyer, Sale> sales = b.joinList("sales", JoinType.LEFT);
        sales.on(cb.equal(sales.get("amount"), 1));
        assertMessage(refused(() -> CriteriaStatement.of(q)), "a join condition on a LEFT join (Buyer.sales");
        assertMessage(refused(sales::index), "ListJoin.index");
    }

    @Test
    void anInnerJoinsOnConditionIsJpqlsOnWhichJoinsTheWhere() {
        CriteriaQuery<Buyer> q = cb.createQuery(Buyer.class);
        Root<Buyer> b = q.from(Buyer.class);
        ListJoin<Buyer, Sale> sales = b.joinList("sales");
        assertNull(sales.getOn());
        sales.on(cb.gt(sales.get("amount"), cb.parameter(Integer.class, "min")));
        assertTrue(sales.getOn() != null);
        q.select(b).distinct(true).where(cb.equal(b.get("email"), cb.parameter(String.class, "email")));
        sameAsJpql(q, "SELECT DISTINCT e0 FROM Buyer e0 JOIN e0.sales e1 ON e1.amount > :min WHERE e0.email = :email");
    }

    static class Vip extends Buyer {
    }

    @Test
    void treatAsThePathsOwnTypeIsThePathAndAsASubclassIsRefused() {
        CriteriaQuery<Sale> q = cb.createQuery(Sale.class);
        Root<Sale> s = q.from(Sale.class);
        Join<Sale, Buyer> b = s.join("buyer");
        assertSame(b, cb.treat(b, Buyer.class));
        assertSame(s, cb.treat(s, Sale.class));
        assertMessage(refused(() -> cb.treat(b, Vip.class)), "CriteriaBuilder.treat");
    }

    @Test
    void leftFetchesBelowAFetchAreTheEntityGraphLoadedAfterTheRead() {
        CriteriaQuery<Sale> q = cb.createQuery(Sale.class);
        Root<Sale> s = q.from(Sale.class);
        s.fetch("buyer", JoinType.LEFT).fetch("shop", JoinType.LEFT);
        s.fetch("buyer", JoinType.LEFT).fetch("sales", JoinType.LEFT).fetch("buyer", JoinType.LEFT);
        CriteriaStatement lowered = CriteriaStatement.of(q);
        assertEquals("SELECT e0 FROM Sale e0 LEFT JOIN FETCH e0.buyer e1 LEFT JOIN FETCH e0.buyer e2", lowered.text());
        var buyer = lowered.shaping().fetches().fetches().get("buyer");
        assertEquals(List.of("shop", "sales"), List.copyOf(buyer.fetches().keySet()));
        assertNull(buyer.fetches().get("shop"));
        assertEquals(List.of("buyer"), List.copyOf(buyer.fetches().get("sales").fetches().keySet()));

        CriteriaQuery<Sale> plain = cb.createQuery(Sale.class);
        plain.from(Sale.class).fetch("buyer", JoinType.LEFT);
        assertNull(CriteriaStatement.of(plain).shaping().fetches(), "no graph without nested fetches");
    }

    @Test
    void aJoinFromAJoinIsJpqlsJoinFromItsVariable() {
        CriteriaQuery<Sale> j = cb.createQuery(Sale.class);
        j.from(Sale.class).join("buyer").join("shop");
        assertEquals("SELECT e0 FROM Sale e0 JOIN e0.buyer e1 JOIN e1.shop e2", CriteriaStatement.of(j).text());
    }

    @Test
    void anInnerNestedFetchAFetchFromAJoinAndAJoinInABulkDeleteAreRefusedNamingThem() {
        CriteriaQuery<Sale> q = cb.createQuery(Sale.class);
        Root<Sale> s = q.from(Sale.class);
        s.fetch("buyer", JoinType.LEFT).fetch("shop");
        assertMessage(refused(() -> CriteriaStatement.of(q)), "an inner fetch below a fetch (e0.buyer.shop");

        CriteriaQuery<Sale> f = cb.createQuery(Sale.class);
        f.from(Sale.class).join("buyer").fetch("shop", JoinType.LEFT);
        assertMessage(refused(() -> CriteriaStatement.of(f)), "a fetch from a join (e0.buyer.shop");

        CriteriaDelete<Sale> d = cb.createCriteriaDelete(Sale.class);
        d.from(Sale.class).join("buyer");
        assertMessage(refused(() -> CriteriaStatement.of(d)), "a join in a CriteriaDelete");
    }

    @Test
    void theCorrelationParentOfARootOrAJoinIsAnIllegalState() {
        CriteriaQuery<Sale> q = cb.createQuery(Sale.class);
        Root<Sale> s = q.from(Sale.class);
        Join<Sale, Buyer> b = s.join("buyer");
        assertTrue(!s.isCorrelated() && !b.isCorrelated());
        assertThrows(IllegalStateException.class, b::getCorrelationParent);
    }

    private static void assertMessage(IllegalArgumentException e, String part) {
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
