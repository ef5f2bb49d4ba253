package io.xunshi.kernel.privacy;

/**
 * An event was about to be appended with a property its schema marks personal ({@code "x-xunshi-personal": true})
 * holding something other than a sealed value. A defect of the code that built the event, never of the request:
 * the append is refused and nothing of it is written. The message names the event type and the property, never
 * the value.
 */
public class PersonalDataInClear extends IllegalStateException {

    public PersonalDataInClear(String type, int version, String streamId, String property) {
        super("refused to append " + type + " v" + version + " to " + streamId + ": its personal property " + property
                + " is not a sealed value; personal data is sealed by the PersonalDataVault before the event is built"
                + " (docs/adr/0020-personal-data.md)");
    }
}
