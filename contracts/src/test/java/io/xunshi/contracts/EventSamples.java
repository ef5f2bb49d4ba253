package io.xunshi.contracts;

import java.util.Map;

import io.xunshi.contracts.coordination.OrganisationKind;
import io.xunshi.contracts.coordination.OrganisationRegistered;
import io.xunshi.contracts.coordination.OrganisationRenamed;

/** One plausible instance of every event record, as a producer would publish it. */
final class EventSamples {

    private static final Map<Class<? extends Record>, Record> SAMPLES = Map.of(
            OrganisationRegistered.class, new OrganisationRegistered("org-4419", "中共某某市委员会",
                    OrganisationKind.LOCALITY, "110000", "110100"),
            OrganisationRenamed.class, new OrganisationRenamed("org-4419", "中共某某市委员会（新）"));

    private EventSamples() {
    }

    static Record of(Class<? extends Record> record) {
        Record sample = SAMPLES.get(record);
        if (sample == null) {
            throw new IllegalStateException("No sample of " + record.getName() + " in EventSamples");
        }
        return sample;
    }
}
