package io.xunshi.kernel.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.xunshi.contracts.EventCatalog;
import io.xunshi.contracts.inspection.FindingRecorded;
import io.xunshi.contracts.inspection.InspectionEvent;
import io.xunshi.contracts.inspection.InspectionOpened;

class EventCodecTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    sealed interface Untyped permits Typed, Bare {
    }

    record Typed(int n) implements Untyped {

        static final String TYPE = "xunshi.test.Typed";
        static final int VERSION = 2;
    }

    record Bare(int n) implements Untyped {
    }

    sealed interface Twins permits First, Second {
    }

    record First() implements Twins {

        static final String TYPE = "xunshi.test.Twin";
        static final int VERSION = 1;
    }

    record Second() implements Twins {

        static final String TYPE = "xunshi.test.Twin";
        static final int VERSION = 1;
    }

    @Test
    void a_codec_of_a_sealed_hierarchy_names_each_record_as_its_constants_and_the_catalog_do() {
        EventCodec<InspectionEvent> codec = EventCodec.of(JSON, InspectionEvent.class);

        InspectionOpened opened = new InspectionOpened("i-1", "r-1", "p-1", "110000", null, "t", "o-1", "n", "110000",
                "110000", null, null);
        EventCodec.Encoded encoded = codec.encode(opened);
        assertThat(encoded.type()).isEqualTo(InspectionOpened.TYPE)
                .isEqualTo(EventCatalog.of(InspectionOpened.class).type());
        assertThat(encoded.typeVersion()).isEqualTo(InspectionOpened.VERSION);
        assertThat(encoded.payload().path("inspectionId").asText()).isEqualTo("i-1");
    }

    @Test
    void a_codec_of_one_record_knows_only_that_record() {
        EventCodec<Typed> codec = EventCodec.of(JSON, Typed.class);

        assertThat(codec.encode(new Typed(3)).type()).isEqualTo("xunshi.test.Typed");
        assertThat(codec.encode(new Typed(3)).typeVersion()).isEqualTo(2);
        EventCodec<InspectionEvent> inspections = EventCodec.of(JSON, InspectionEvent.class);
        assertThat(inspections.encode(new FindingRecorded("i", "f", null, "d", null, false, false, false, false,
                java.util.List.of(), null, null, null)).type())
                .isEqualTo(FindingRecorded.TYPE);
    }

    @Test
    void a_record_without_its_type_constants_or_two_records_of_one_type_are_refused_when_the_codec_is_built() {
        assertThatThrownBy(() -> EventCodec.of(JSON, Untyped.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Bare declares no TYPE constant");
        assertThatThrownBy(() -> EventCodec.of(JSON, Twins.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both declare xunshi.test.Twin");
    }
}
