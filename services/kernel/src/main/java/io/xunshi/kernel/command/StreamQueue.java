package io.xunshi.kernel.command;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.smallrye.mutiny.Uni;

/**
 * Commands to one aggregate, within this process, one after the other: each waits for the one before it on the
 * same stream to finish, so concurrent requests to a busy aggregate are decided in turn rather than racing to
 * append at the same version and deciding again. Only replicas of the service can still race; the
 * {@link CommandPath} decides again for those. Nothing blocks a thread: a command waits as a future.
 */
final class StreamQueue {

    private final ConcurrentHashMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    /** {@code work}, subscribed once every command queued before it on {@code streamId} has ended. */
    <T> Uni<T> inTurn(String streamId, Uni<T> work) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Void> mine = new CompletableFuture<>();
            CompletableFuture<Void> before = tails.put(streamId, mine);
            Uni<Void> turn = before == null
                    ? Uni.createFrom().voidItem()
                    : Uni.createFrom().completionStage(before).onFailure().recoverWithNull().replaceWithVoid();
            return turn.flatMap(ready -> work).onTermination().invoke(() -> {
                tails.remove(streamId, mine);
                mine.complete(null);
            });
        });
    }

    /** How many streams have a command running or waiting, for tests and metrics. */
    int busyStreams() {
        return tails.size();
    }
}
