package io.xunshi.contracts.discipline;

/**
 * What the discipline-inspection and supervision organ (纪检监察机关) reports to the platform on its own topic,
 * {@code xunshi.discipline.events}: the receipt and the disposition of the problem clues inspections handed over to
 * it (Art. 29). A partner's topic: the organ's own systems publish on it with their own tools (its Kafka principal
 * alone may write it), and the inspection service consumes it.
 */
public sealed interface DisciplineReport permits ClueReceiptReported, ClueDispositionReported {

    /** The clue reported on. */
    String clueId();
}
