package io.xunshi.kernel.consumer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * What a service does with one kind of incoming event. It runs inside the transaction that also records
 * the event in the inbox, on {@code conn}, and nothing may be written before an append in it (see
 * {@link Inbox}); its writes and the inbox entry commit together or not at all.
 */
@FunctionalInterface
public interface EventHandler {

    Uni<Void> handle(SqlConnection conn, IncomingEvent event);
}
