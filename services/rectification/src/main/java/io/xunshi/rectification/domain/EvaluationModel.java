package io.xunshi.rectification.domain;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.xunshi.contracts.rectification.EvaluationGrade;
import io.xunshi.contracts.rectification.EvaluationOutcome;

/**
 * How one level scores a rectification (整改评估): full marks, the criteria with their weights (the most a criterion
 * can lose), the lowest score of each grade above POOR, and which grades are effective.
 *
 * @param fullMarks the score before deductions
 * @param criteria each criterion's code and weight, in the model's order
 * @param excellentFrom the lowest score graded EXCELLENT (好)
 * @param goodFrom the lowest score graded GOOD (较好)
 * @param fairFrom the lowest score graded FAIR (一般); below it, POOR (差)
 * @param effective the grades that make the rectification effective
 */
public record EvaluationModel(int fullMarks, Map<String, Integer> criteria, int excellentFrom, int goodFrom,
        int fairFrom, Set<EvaluationGrade> effective) {

    public EvaluationModel {
        if (fullMarks < 1) {
            throw new IllegalArgumentException("full marks must be at least 1, not " + fullMarks);
        }
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("an evaluation model names at least one criterion");
        }
        int weights = 0;
        for (Map.Entry<String, Integer> c : criteria.entrySet()) {
            if (c.getValue() < 1) {
                throw new IllegalArgumentException("criterion " + c.getKey() + " weighs at least 1, not "
                        + c.getValue());
            }
            weights += c.getValue();
        }
        if (weights > fullMarks) {
            throw new IllegalArgumentException("the criteria weigh " + weights + " together, more than the full marks"
                    + " of " + fullMarks);
        }
        if (!(fullMarks >= excellentFrom && excellentFrom > goodFrom && goodFrom > fairFrom && fairFrom > 0)) {
            throw new IllegalArgumentException("the grades' lowest scores must fall from the full marks: " + fullMarks
                    + " ≥ excellent " + excellentFrom + " > good " + goodFrom + " > fair " + fairFrom + " > 0");
        }
        if (effective.isEmpty() || effective.contains(EvaluationGrade.POOR)) {
            throw new IllegalArgumentException("some grade is effective, and POOR never is: " + effective);
        }
        criteria = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(criteria));
        effective = java.util.Collections.unmodifiableSet(EnumSet.copyOf(effective));
    }

    /** The grade of {@code score}. */
    public EvaluationGrade grade(int score) {
        if (score >= excellentFrom) {
            return EvaluationGrade.EXCELLENT;
        }
        if (score >= goodFrom) {
            return EvaluationGrade.GOOD;
        }
        return score >= fairFrom ? EvaluationGrade.FAIR : EvaluationGrade.POOR;
    }

    /** Whether {@code grade} makes the rectification effective. */
    public EvaluationOutcome outcome(EvaluationGrade grade) {
        return effective.contains(grade) ? EvaluationOutcome.EFFECTIVE : EvaluationOutcome.NOT_EFFECTIVE;
    }
}
