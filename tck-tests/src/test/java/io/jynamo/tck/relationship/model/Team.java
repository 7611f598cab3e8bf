package io.jynamo.tck.relationship.model;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

import java.util.ArrayList;
import java.util.List;

/** A unidirectional one-to-many through a named link table. */
@Entity
public class Team {
    @Id
    public String id;
    @OneToMany(cascade = CascadeType.ALL)
    @JoinTable(name = "team_members", joinColumns = @JoinColumn(name = "team"), inverseJoinColumns = @JoinColumn(name = "player"))
    @OrderBy("number")
    public List<Player> players = new ArrayList<>();

    public Team() {
    }

    public Team(String id) {
        this.id = id;
    }
}
