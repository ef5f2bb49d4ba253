package io.xunshi.contracts.inspection;

/**
 * What happens to one problem clue (问题线索) an inspection hands over; published on {@code xunshi.inspection.events},
 * keyed by the clue id.
 */
public sealed interface ClueEvent permits ClueHandedOver, ClueAcknowledged, ClueDisposed {

    String clueId();
}
