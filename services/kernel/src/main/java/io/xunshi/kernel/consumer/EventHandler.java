package io.xunshi.kernel.consumer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * What a service does with one type of incoming event: it receives the CloudEvent's attributes
 * ({@code event}: id, subject, extensions such as the correlation id) and its payload decoded, after any
 * upcasting, into the contract record of the type's current version. A payload that does not decode never
 * reaches it: the kernel dead-letters it as {@code invalid-payload}. A handler that finds the record unusable
 * for a reason of its own (a field it needs is empty) throws {@link Undeliverable} with
 * {@link DeadLetterReason#INVALID_PAYLOAD}.
 *
 * <p>It runs inside the transaction that also records the event in the inbox, on {@code conn}, and nothing
 * may be written before an append in it (see {@link Inbox}); its writes and the inbox entry commit together or
 * not at all.
 *
 * @param <T> the contract record it handles
 */
@FunctionalInterface
public interface EventHandler<T> {

    Uni<Void> handle(SqlConnection conn, IncomingEvent event, T payload);
}
