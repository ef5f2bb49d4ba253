package io.xunshi.kernel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The field a validation error names is the JSON path an agency system sent, also inside lists. */
class ProblemFieldNamesTest {

    record Assignment(@NotBlank String team, @NotBlank String organisationId) {
    }

    record Round(@NotBlank String name, @NotNull @Valid List<@NotNull @Valid Assignment> assignments,
            List<@NotBlank String> evidence) {
    }

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static Set<String> fields(Object request) {
        Set<String> fields = new TreeSet<>();
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            fields.add(ProblemMappers.field(violation));
        }
        return fields;
    }

    @Test
    void a_field_of_a_list_element_is_named_by_its_index_then_its_name() {
        Round round = new Round("第一轮", List.of(new Assignment("中央第一巡视组", "org-1"), new Assignment("", "")),
                List.of("ok", " "));
        assertThat(fields(round)).containsExactly("assignments[1].organisationId", "assignments[1].team",
                "evidence[1]");
    }

    @Test
    void a_top_level_field_is_named_alone() {
        assertThat(fields(new Round("", List.of(), List.of()))).containsExactly("name");
        assertThat(fields(new Round("x", null, null))).containsExactly("assignments");
    }
}
