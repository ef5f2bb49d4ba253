package io.xunshi.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class EventCatalogTest {

    private static List<Class<?>> catalogued() {
        return EventCatalog.entries().stream().<Class<?>>map(EventCatalog.Entry::record).toList();
    }

    private static Object constant(Class<?> record, String name) {
        try {
            Field field = record.getField(name);
            return field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(record.getName() + " has no public constant " + name, e);
        }
    }

    @Test
    void every_record_in_a_sealed_event_hierarchy_of_the_contracts_is_in_the_catalog() {
        List<Class<?>> events = ContractClasses.all().stream()
                .filter(Class::isSealed)
                .flatMap(hierarchy -> Arrays.stream(hierarchy.getPermittedSubclasses()))
                .filter(Class::isRecord)
                .distinct()
                .toList();

        assertThat(events).isNotEmpty();
        assertThat(catalogued()).containsExactlyInAnyOrderElementsOf(events);
    }

    @Test
    void every_record_that_names_an_event_type_is_in_the_catalog() {
        List<Class<?>> typed = ContractClasses.all().stream()
                .filter(Class::isRecord)
                .filter(c -> Arrays.stream(c.getFields()).anyMatch(f -> f.getName().equals("TYPE")))
                .toList();

        assertThat(catalogued()).containsExactlyInAnyOrderElementsOf(typed);
    }

    @Test
    void each_entry_carries_the_type_and_version_its_record_declares() {
        assertThat(EventCatalog.entries()).allSatisfy(entry -> {
            assertThat(constant(entry.record(), "TYPE")).isEqualTo(entry.type());
            assertThat(constant(entry.record(), "VERSION")).isEqualTo(entry.version());
        });
    }

    @Test
    void each_type_is_named_after_the_service_whose_package_holds_its_record() {
        assertThat(EventCatalog.entries()).allSatisfy(entry -> {
            assertThat(entry.type())
                    .matches("xunshi\\.(planning|inspection|rectification|coordination|discipline)\\.[A-Z][A-Za-z]+");
            assertThat(entry.record().getPackageName()).isEqualTo("io.xunshi.contracts." + entry.service());
            assertThat(entry.type()).endsWith("." + entry.record().getSimpleName());
            assertThat(entry.version()).isPositive();
        });
    }

    @Test
    void the_partners_are_owners_apart_from_the_four_services_and_their_types_are_catalogued() {
        assertThat(EventCatalog.services().stream().filter(EventCatalog::isPartner)).containsExactly("discipline");
        assertThat(EventCatalog.services().stream().filter(s -> !EventCatalog.isPartner(s)))
                .containsExactly("coordination", "planning", "inspection", "rectification");
        assertThat(EventCatalog.publishedOn("xunshi.discipline.events")).extracting(EventCatalog.Entry::type)
                .containsExactly("xunshi.discipline.ClueReceiptReported", "xunshi.discipline.ClueDispositionReported");
        assertThat(EventCatalog.publishedOn("xunshi.discipline.events"))
                .allSatisfy(e -> assertThat(e.partner()).isTrue());
        assertThat(EventCatalog.publishedOn("xunshi.inspection.events"))
                .noneSatisfy(e -> assertThat(e.partner()).isTrue());
    }

    @Test
    void no_two_entries_share_a_type() {
        assertThat(EventCatalog.entries()).extracting(EventCatalog.Entry::type).doesNotHaveDuplicates();
    }
}
