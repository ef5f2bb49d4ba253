package io.xunshi.rectification.application;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.xunshi.contracts.rectification.EvaluationGrade;
import io.xunshi.rectification.domain.EvaluationModel;
import io.xunshi.rectification.domain.EvaluationModels;

/**
 * The scored evaluation model of each level (整改评估), {@code xunshi.rectification.evaluation.<level>.*}: full marks,
 * the criteria with their weights ({@code criteria.<code>=<weight>}), the lowest score of the grades EXCELLENT, GOOD
 * and FAIR, and the grades that are effective. application.properties states the four levels' models.
 */
@ConfigMapping(prefix = "xunshi.rectification.evaluation")
public interface EvaluationSettings {

    Level central();

    Level provincial();

    Level city();

    Level county();

    /** One level's model. */
    interface Level {

        @WithDefault("100")
        int fullMarks();

        /** Each criterion's code and weight: the most it can lose. */
        Map<String, Integer> criteria();

        @WithDefault("90")
        int excellentFrom();

        @WithDefault("80")
        int goodFrom();

        @WithDefault("60")
        int fairFrom();

        @WithDefault("EXCELLENT,GOOD,FAIR")
        Set<EvaluationGrade> effectiveGrades();

        /** As the domain takes it; the criteria in the order of their codes. */
        default EvaluationModel model() {
            return new EvaluationModel(fullMarks(), new TreeMap<>(criteria()), excellentFrom(), goodFrom(), fairFrom(),
                    effectiveGrades());
        }
    }

    /** The four levels' models; an inconsistent model fails here, at the first evaluation or at startup. */
    default EvaluationModels models() {
        return new EvaluationModels(central().model(), provincial().model(), city().model(), county().model());
    }
}
