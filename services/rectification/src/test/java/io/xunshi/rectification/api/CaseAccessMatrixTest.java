package io.xunshi.rectification.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.xunshi.kernel.security.Role;
import io.xunshi.rectification.application.CaseAccess;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

/**
 * Who reads a Centre-inspected case of an organisation located in Zhejiang: its rectifying side, its
 * supervising side and auditors covering the Centre; everyone else gets 404, and finds it in no list.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class CaseAccessMatrixTest {

    private static String caseId;
    private static String inspectionId;

    private static String caseId() {
        if (caseId == null) {
            var feedback = io.xunshi.rectification.InspectionFeedback.feedback("000000", "330000",
                    CaseAccess.today().minusDays(5), 1);
            inspectionId = feedback.inspectionId();
            caseId = io.xunshi.rectification.InspectionFeedback.opened(feedback);
        }
        return caseId;
    }

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        rows.add(Arguments.of(Role.RECTIFICATION_OWNER, "330000", 200));
        rows.add(Arguments.of(Role.INSPECTION_OFFICE, "000000", 200));
        rows.add(Arguments.of(Role.AUDITOR, "000000", 200));
        rows.add(Arguments.of(Role.RECTIFICATION_OWNER, "000000", 200));
        rows.add(Arguments.of(Role.RECTIFICATION_OWNER, "330100", 404));
        rows.add(Arguments.of(Role.RECTIFICATION_OWNER, "440000", 404));
        rows.add(Arguments.of(Role.INSPECTION_OFFICE, "330000", 404));
        rows.add(Arguments.of(Role.AUDITOR, "330000", 404));
        rows.add(Arguments.of(Role.TEAM_MEMBER, "000000", 404));
        rows.add(Arguments.of(Role.DISCIPLINE_LIAISON, "000000", 404));
        rows.add(Arguments.of(Role.PUBLIC, "000000", 404));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} of {1} reading the case gets {2}")
    @MethodSource("matrix")
    void each_caller_reads_the_case_only_from_its_side(String role, String jurisdiction, int expected) {
        String token = TestTokens.bearer(role, jurisdiction);
        Response response = RectificationFlowTest.as(token).get(RectificationFlowTest.BASE + caseId());
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(expected);

        org.awaitility.Awaitility.await().atMost(io.xunshi.rectification.InspectionFeedback.WAIT)
                .until(() -> RectificationFlowTest.as(RectificationFlowTest.CENTRE_OFFICE)
                        .queryParam("inspectionId", inspectionId).get(RectificationFlowTest.BASE).jsonPath()
                        .getList("items").size() == 1);
        Response list = RectificationFlowTest.as(token).queryParam("inspectionId", inspectionId)
                .get(RectificationFlowTest.BASE);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.jsonPath().getList("items.caseId")).isEqualTo(expected == 200 ? List.of(caseId) : List.of());
    }
}
