package io.jynamo.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.jynamo.spring.links.LinksApplication;
import io.jynamo.spring.links.Post;
import io.jynamo.spring.links.PostRepository;
import io.jynamo.spring.links.Tag;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * A page of the elements of a many-to-many collection through an {@code @Query} join: Spring runs the select and the
 * count query it derives ({@code select count(t) from LinkPost p join p.tags t where p.id = ?1}). Scans are denied.
 */
@SpringBootTest(classes = LinksApplication.class, properties = {"jynamo.scan=deny", "jynamo.table-prefix=spring-links-"})
class LinkRepositoryTest {

    @Autowired
    PostRepository posts;
    @Autowired
    EntityManagerFactory emf;

    @Test
    void aPageOfAPostsTagsCountsThemAll() {
        emf.getSchemaManager().truncate();
        var em = emf.createEntityManager();
        em.getTransaction().begin();
        List<Tag> tags = List.of(new Tag("java"), new Tag("jpa"), new Tag("dynamodb"));
        tags.forEach(em::persist);
        em.persist(new Post("p1", tags));
        em.persist(new Post("p2", tags.subList(0, 1)));
        em.getTransaction().commit();
        em.close();
        Page<Tag> first = posts.tagsOf("p1", PageRequest.of(0, 2, Sort.by("t.name")));
        assertThat(first.getContent()).extracting(Tag::getName).containsExactly("dynamodb", "java");
        assertThat(first.getTotalElements()).isEqualTo(3);
        assertThat(posts.tagsOf("p1", PageRequest.of(1, 2, Sort.by("t.name"))).getContent())
                .extracting(Tag::getName).containsExactly("jpa");
        assertThat(posts.tagsOf("p2", PageRequest.of(0, 2)).getTotalElements()).isEqualTo(1);
    }
}
