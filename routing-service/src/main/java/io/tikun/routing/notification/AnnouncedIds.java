package io.tikun.routing.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Notification ids announced on the shared stream, gathered until they are read together: announcements that reach the
 * listener together (committed in one transaction, or arriving in one read of its connection) cost one query per
 * {@code readAtMost} ids instead of one each. The dispatcher announces a pass's stream rows in one transaction, so
 * they arrive together.
 */
final class AnnouncedIds {

    private final Queue<UUID> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean readScheduled = new AtomicBoolean();
    private final int readAtMost;

    AnnouncedIds(int readAtMost) {
        if (readAtMost < 1) {
            throw new IllegalArgumentException("readAtMost must be positive: " + readAtMost);
        }
        this.readAtMost = readAtMost;
    }

    /** Gathers {@code id}; true when the caller must schedule a read: none is scheduled since the last {@link #take}. */
    boolean add(UUID id) {
        pending.add(id);
        return readScheduled.compareAndSet(false, true);
    }

    /**
     * Everything gathered, in the order announced, in chunks of at most {@code readAtMost}. An id added while this
     * runs is either in the result or schedules a read of its own.
     */
    List<List<UUID>> take() {
        readScheduled.set(false);
        List<List<UUID>> chunks = new ArrayList<>();
        List<UUID> chunk = new ArrayList<>();
        for (UUID id = pending.poll(); id != null; id = pending.poll()) {
            chunk.add(id);
            if (chunk.size() == readAtMost) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }
}
