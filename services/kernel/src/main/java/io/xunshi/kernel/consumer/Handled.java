package io.xunshi.kernel.consumer;

/**
 * The outcome of {@link Inbox#handleOnce}: the effect's result the first time, or the news that the event
 * had already been handled and nothing was done.
 */
public record Handled<T>(boolean duplicate, T value) {

    public static <T> Handled<T> processed(T value) {
        return new Handled<>(false, value);
    }

    /** A record of a type of its topic the consumer does not handle, passed over: nothing was done. */
    public static <T> Handled<T> passedOver() {
        return new Handled<>(false, null);
    }

    public static <T> Handled<T> alreadyHandled() {
        return new Handled<>(true, null);
    }
}
