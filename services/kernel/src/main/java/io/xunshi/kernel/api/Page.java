package io.xunshi.kernel.api;

import java.util.List;

/**
 * One page of a list, in a stable order, and the opaque cursor of the next page ({@code null} on the last).
 */
public record Page<T>(List<T> items, String next) {
}
