package io.jynamo.internal.metadata;

/**
 * One item of a link table (a {@code @ManyToMany}, unidirectional {@code @OneToMany} or {@code @JoinTable}):
 * the owner's key and the target's key. The persistence context holds link items as entries of the link
 * table's {@link EntityMeta}, so the flush writes them as it writes entities: in the same batches of 25, or
 * the one transaction in atomic mode.
 */
public final class LinkItem {

    private Object owner;
    private Object target;
    /** The position ({@code @OrderColumn}) or map key ({@code @MapKeyColumn}) of an ordered or keyed link table, else {@code null}. */
    private Object sort;

    public LinkItem(Object owner, Object target) {
        this.owner = owner;
        this.target = target;
    }

    public LinkItem(Object owner, Object target, Object sort) {
        this(owner, target);
        this.sort = sort;
    }

    @Override
    public String toString() {
        return "LinkItem[" + owner + (sort == null ? "" : " @" + sort) + " -> " + target + "]";
    }
}
