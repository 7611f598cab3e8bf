package io.jynamo.spring.links;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** A page of one post's tags: the select through the join, and the count query Spring derives from it. */
public interface PostRepository extends JpaRepository<Post, String> {

    @Query("select t from LinkPost p join p.tags t where p.id = ?1")
    Page<Tag> tagsOf(String postId, Pageable page);
}
