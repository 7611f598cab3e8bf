package io.jynamo.internal.context;

import io.jynamo.internal.dynamo.Dynamo;
import io.jynamo.internal.dynamo.Recorder;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Detects an entity manager used by two threads at once. An entity manager is not thread-safe (nothing in
 * its persistence context is synchronized), and two threads inside it corrupt the context silently: lost
 * entities, {@code ArrayIndexOutOfBoundsException} from its maps. Each operation {@linkplain #enter enters}
 * and {@linkplain #leave leaves}; a thread entering while another one is inside fails at once with an
 * {@link IllegalStateException} naming both. One compare-and-exchange per operation (a read of the owner when
 * the same thread nests), one store when it leaves.
 *
 * <p>Handing an entity manager from one thread to another between operations is allowed, and safe: the
 * owner is released with a release store and taken with a compare-and-set, so the next thread sees every
 * change the previous one made.
 */
public final class SingleThreadUse {

    /** The thread inside an operation, or {@code null}. */
    private final AtomicReference<Thread> owner = new AtomicReference<>();
    /** How deep the owner is in nested operations (a merge that persists); only the owner touches it. */
    private int depth;
    /** Counts the DynamoDB calls made inside the operations. */
    private final Recorder recorder;
    /** The owner thread's recorder slot, and what it held before the outermost operation; only the owner touches them. */
    private Object[] slot;
    private Object outer;

    /** @param recorder where the DynamoDB calls made inside operations are counted (the entity manager's) */
    public SingleThreadUse(Recorder recorder) {
        this.recorder = recorder;
    }

    /**
     * Marks the current thread as inside an operation.
     *
     * @throws IllegalStateException when another thread is inside one
     */
    public void enter() {
        Thread me = Thread.currentThread();
        if (owner.get() == me) {
            depth++;
            return;
        }
        Thread inside = owner.compareAndExchange(null, me);
        if (inside != null) {
            throw concurrentUse(inside, me);
        }
        depth = 1;
        slot = Dynamo.recorderSlot();
        outer = slot[0];
        slot[0] = recorder;
    }

    /** Marks the end of the operation the current thread {@linkplain #enter entered}. */
    public void leave() {
        if (--depth == 0) {
            slot[0] = outer;
            slot = null;
            outer = null;
            owner.setRelease(null);
        }
    }

    /**
     * For an operation too small to enter (a {@code contains}, a {@code detach}): fails when another thread
     * is inside an operation now.
     *
     * @throws IllegalStateException when another thread is inside an operation
     */
    public void check() {
        Thread inside = owner.get();
        if (inside != null && inside != Thread.currentThread()) {
            throw concurrentUse(inside, Thread.currentThread());
        }
    }

    private static IllegalStateException concurrentUse(Thread inside, Thread me) {
        // Only on failure: which public operation each thread is in, read from the stacks (the other
        // thread may have left meanwhile: then its operation is not known).
        String theirs = operation(List.of(inside.getStackTrace()));
        String mine = operation(StackWalker.getInstance().walk(frames -> frames
                .map(f -> new StackTraceElement(f.getClassName(), f.getMethodName(), f.getFileName(), f.getLineNumber()))
                .toList()));
        return new IllegalStateException("EntityManager used by two threads at once: thread '"
                + inside.getName() + "' is in " + theirs + " while thread '" + me.getName()
                + "' called " + mine + "; an EntityManager is not thread-safe, use one per thread"
                + " (handing it over between operations is fine)");
    }

    /**
     * The public operation the application called, read from a stack: the outermost Jynamo method of the
     * innermost run of Jynamo frames (JDK frames in between do not end the run; application code does).
     */
    private static String operation(List<StackTraceElement> stack) {
        String found = null;
        for (StackTraceElement f : stack) {
            String c = f.getClassName();
            if (c.startsWith("io.jynamo.internal.")) {
                if (!c.equals(SingleThreadUse.class.getName()) && !f.getMethodName().startsWith("lambda$")
                        && !f.getMethodName().startsWith("<")) {
                    found = f.getMethodName();
                }
            } else if (found != null && !c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) {
                break;
            }
        }
        return found == null ? "an operation" : found;
    }
}
