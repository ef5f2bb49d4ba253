package io.xunshi.testing.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A service's authorisation matrix, generated from its published OpenAPI document: the operations and the
 * roles each admits come from {@code contracts/openapi/<service>.yaml}, the expected answer of every cell
 * from {@link AccessRule}, and the service's fixture ({@link #probes()}) gives each operation a resource at a
 * known jurisdiction and a valid request. A service's test extends this class and is annotated
 * {@code @QuarkusTest} with the real infrastructure.
 *
 * <p>The matrix is published as {@code docs/access-matrix.md}, one section per service. The test writes its
 * section to {@code target/access-matrix/<service>.md} and fails while the committed file's section differs;
 * run it with {@code -Dxunshi.access-matrix.update=true} to rewrite the section in place, then review and
 * commit it.
 */
public abstract class AccessMatrixContract {

    /** The system property that makes the test rewrite its section of docs/access-matrix.md. */
    public static final String UPDATE = "xunshi.access-matrix.update";

    /** The service's name, as in {@code contracts/openapi/<service>.yaml}. */
    protected abstract String service();

    /** Every role a token can carry, in the table's column order. */
    protected abstract List<String> roles();

    /**
     * The probes by operation id, at least one for every operation of the document. Declaring them must
     * not seed anything: a probe's call seeds the resource it needs when it first runs.
     */
    protected abstract Map<String, List<Probe>> probes();

    /**
     * The probes of the operations the service serves from the kernel (dead letters, read models, tamper
     * verification), usually {@link KernelProbes#of} with one of the service's consumers.
     */
    protected abstract Map<String, List<Probe>> kernelProbes();

    private AccessMatrix matrix;

    private AccessMatrix matrix() {
        if (matrix == null) {
            Path document = Path.of("../../contracts/openapi", service() + ".yaml");
            assertThat(document).as("the published OpenAPI document").exists();
            Map<String, List<Probe>> all = new java.util.HashMap<>(probes());
            all.putAll(kernelProbes());
            matrix = new AccessMatrix(service(), OpenApiOperations.read(document), all, roles());
        }
        return matrix;
    }

    @Test
    void every_operation_of_the_published_document_has_a_probe_and_says_which_roles_it_takes() {
        Path document = Path.of("../../contracts/openapi", service() + ".yaml");
        List<Operation> operations = OpenApiOperations.read(document);
        assertThat(operations).as("operations of " + document).isNotEmpty();
        assertThat(operations).as("operations without a security requirement naming their roles")
                .allSatisfy(o -> assertThat(o.roles()).as(o.key()).isNotEmpty().isSubsetOf(roles()));
        assertThat(matrix().unmatched()).as("give every operation of " + document + " a probe in the service's"
                + " access-matrix fixture, and no probe to an operation it does not declare").isEmpty();
    }

    @Test
    void every_cell_answers_as_the_access_rule_says() {
        List<AccessMatrix.Cell> cells = matrix().cells();
        List<String> wrong = new ArrayList<>();
        for (AccessMatrix.Cell cell : cells) {
            String problem = AccessMatrix.check(cell);
            if (problem != null) {
                wrong.add(problem);
            }
        }
        assertThat(wrong).as(wrong.size() + " of " + cells.size() + " cells answered otherwise than the rule says")
                .isEmpty();
    }

    @Test
    void the_published_table_is_the_one_the_document_and_the_rule_give() throws IOException {
        String section = matrix().table();
        Path generated = Path.of("target", "access-matrix", service() + ".md");
        Files.createDirectories(generated.getParent());
        Files.writeString(generated, section);

        Path published = Path.of("../../docs/access-matrix.md");
        String text = Files.exists(published) ? Files.readString(published) : "";
        String begin = AccessMatrix.beginMarker(service());
        String end = AccessMatrix.endMarker(service());
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        String current = from >= 0 && to > from
                ? text.substring(from, Math.min(text.length(), to + end.length() + 1))
                : null;
        if (Boolean.getBoolean(UPDATE) && !section.equals(current)) {
            String updated = current == null
                    ? text + (text.isEmpty() || text.endsWith("\n\n") ? "" : "\n") + section
                    : text.substring(0, from) + section
                            + text.substring(Math.min(text.length(), to + end.length() + 1));
            Files.writeString(published, updated);
            current = section;
        }
        assertThat(current).as("docs/access-matrix.md's " + service() + " section differs from " + generated
                + ": rerun this test with -D" + UPDATE + "=true to rewrite it, review the change and commit it")
                .isEqualTo(section);
    }
}
