package io.jynamo.internal.query;

import io.jynamo.JynamoException;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The items of several page sources read concurrently and handed out as their pages arrive: DynamoDB's parallel
 * Scan, one source per segment (per segment and table under TABLE_PER_CLASS). The pages of one source are handed
 * out in their order; those of different sources in the order they arrived.
 *
 * <p>What it holds and does:
 * <ul>
 *   <li>at most {@code maxInFlight} page calls at once ({@code jynamo.parallelism});</li>
 *   <li>a source has at most {@value #READ_AHEAD} pages read (or in flight) that the iterator has not begun to hand
 *       out; while it has, it is not given a thread. A full buffer therefore parks no thread: an abandoned
 *       iterator holds those pages, never a worker;</li>
 *   <li>no call starts once the pages received hold {@code wanted} items, and when the {@code wanted}-th item is
 *       handed out the calls still in flight are waited for, so nothing runs after the caller has its results;</li>
 *   <li>the first failure of a page call stops every source: once the calls in flight have returned,
 *       {@link #hasNext()} throws that exception itself (the type a single-segment read would throw);</li>
 *   <li>{@link #close()} stops every source, drops what was read ahead and waits for the calls in flight.</li>
 * </ul>
 * Only the page calls run on the executor; items are handed out, and used, on the caller's thread.
 */
final class ParallelScan<T> implements Iterator<T>, AutoCloseable {

    /** How many pages of one source may be read ahead of the iterator. */
    static final int READ_AHEAD = 2;

    /** One source's pages, read one after the other (never two at once, though maybe on different threads). */
    interface Source<T> {
        /** Reads the next page, possibly empty; called only while {@link #more()}. */
        List<T> nextPage();

        /** Whether a page is left to read. */
        boolean more();
    }

    /** One source and what it has under way. Guarded by the scan's lock. */
    private static final class Lane<T> {
        final Source<T> source;
        /** Pages in flight or read and not yet begun by the iterator: at most {@link #READ_AHEAD}. */
        int ahead;
        boolean busy;
        boolean done;

        Lane(Source<T> source) {
            this.source = source;
        }
    }

    private record Page<T>(Lane<T> lane, List<T> items) {
    }

    private final List<Lane<T>> lanes;
    private final Executor workers;
    private final int maxInFlight;
    private final long wanted;

    // Guarded by this.
    private final ArrayDeque<Page<T>> ready = new ArrayDeque<>();
    private int inFlight;
    private long received;
    private Throwable failure;
    private boolean stopped;
    private boolean started;
    private int cursor;

    // The caller's thread only.
    private Iterator<T> current = Collections.emptyIterator();
    private long handedOut;
    private volatile boolean closed;

    private ParallelScan(List<Source<T>> sources, Executor workers, int maxInFlight, long wanted) {
        this.lanes = sources.stream().map(Lane::new).toList();
        this.workers = workers;
        this.maxInFlight = maxInFlight;
        this.wanted = wanted;
    }

    /**
     * The items of the sources, whose first pages are asked for when the iterator is first asked (so that parts of
     * a query read one after the other do not all read at once).
     *
     * @param workers     runs the page calls (each task one call); tasks must not be run on the calling thread
     * @param maxInFlight the most page calls at once
     * @param wanted      how many items the caller will take at most ({@code Long.MAX_VALUE}: all)
     */
    static <T> ParallelScan<T> of(List<Source<T>> sources, Executor workers, int maxInFlight, long wanted) {
        return new ParallelScan<>(sources, workers, maxInFlight, wanted);
    }

    /** Gives threads to the sources that may read on, round robin, while calls may start. Holds the lock. */
    private void fill() {
        while (inFlight < maxInFlight && failure == null && !stopped && received < wanted) {
            Lane<T> lane = nextLane();
            if (lane == null) {
                return;
            }
            lane.busy = true;
            lane.ahead++;
            inFlight++;
            try {
                workers.execute(() -> fetch(lane));
            } catch (RejectedExecutionException e) {
                lane.busy = false;
                lane.ahead--;
                inFlight--;
                failure = new IllegalStateException("The parallel Scan could not read on: the threads of parallel "
                        + "calls are shut down because the EntityManagerFactory was closed; read query results before "
                        + "closing the factory", e);
            }
        }
    }

    private Lane<T> nextLane() {
        for (int i = 0; i < lanes.size(); i++) {
            int at = (cursor + i) % lanes.size();
            Lane<T> lane = lanes.get(at);
            if (!lane.busy && !lane.done && lane.ahead < READ_AHEAD) {
                cursor = (at + 1) % lanes.size();
                return lane;
            }
        }
        return null;
    }

    /** One page call, on a worker. */
    private void fetch(Lane<T> lane) {
        List<T> items = null;
        boolean more = false;
        Throwable error = null;
        try {
            items = lane.source.nextPage();
            more = lane.source.more();
        } catch (Throwable t) {
            error = t;
        }
        synchronized (this) {
            inFlight--;
            lane.busy = false;
            lane.done = error != null || !more;
            if (error != null && failure == null) {
                failure = error;
            }
            if (error != null || stopped || items.isEmpty()) {
                lane.ahead--;
            } else {
                ready.add(new Page<>(lane, items));
                received += items.size();
            }
            fill();
            notifyAll();
        }
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        if (current.hasNext()) {
            return true;
        }
        synchronized (this) {
            if (!started) {
                started = true;
                fill();
            }
            while (true) {
                if (failure != null) {
                    stopped = true;
                    ready.clear();
                    awaitIdle();
                    throw rethrown();
                }
                if (stopped) {
                    return false;
                }
                Page<T> page = ready.poll();
                if (page != null) {
                    page.lane.ahead--;
                    fill();
                    current = page.items.iterator();
                    return true;
                }
                if (inFlight == 0) {
                    // fill() ran after every change: with nothing ready and nothing in flight, no source can go on.
                    return false;
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopped = true;
                    ready.clear();
                    throw new JynamoException("Interrupted while waiting for the pages of a parallel Scan ("
                            + inFlight + " calls in flight); the query's results end here", e);
                }
            }
        }
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T item = current.next();
        if (++handedOut == wanted) {
            // No call started once the wanted items were received; those already in flight end before the caller
            // has its last result, so no worker reads on for a query whose results are complete.
            synchronized (this) {
                awaitIdle();
            }
        }
        return item;
    }

    /** Stops every source, drops the pages read ahead and waits for the calls in flight. */
    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            stopped = true;
            ready.clear();
            awaitIdle();
        }
    }

    /** Waits for the calls in flight to return (each is one page call, bounded by the retry budget). Holds the lock. */
    private void awaitIdle() {
        while (inFlight > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private RuntimeException rethrown() {
        if (failure instanceof RuntimeException re) {
            return re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        return new JynamoException("A segment of a parallel Scan failed: " + failure, failure);
    }
}
