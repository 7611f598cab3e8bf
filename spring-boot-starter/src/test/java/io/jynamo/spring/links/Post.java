package io.jynamo.spring.links;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import java.util.ArrayList;
import java.util.List;

/** A post with its tags, a unidirectional many-to-many (a link table). */
@Entity(name = "LinkPost")
public class Post {
    @Id
    private String id;
    @ManyToMany
    private List<Tag> tags = new ArrayList<>();

    protected Post() {
    }

    public Post(String id, List<Tag> tags) {
        this.id = id;
        this.tags.addAll(tags);
    }

    public String getId() {
        return id;
    }
}
