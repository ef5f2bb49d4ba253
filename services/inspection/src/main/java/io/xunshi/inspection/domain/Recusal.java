package io.xunshi.inspection.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.xunshi.contracts.inspection.Post;

/**
 * Recusal (回避, Regulation Art. 12) as named policies: each says, for one cadre and one organisation to be
 * inspected, whether the cadre must stay out and why. A team is formed only when no policy objects to any of its
 * people for any of its targets; a refusal names the rule it breaks ({@link Rule#code()}).
 */
public final class Recusal {

    private Recusal() {
    }

    /** The rules, each with the stable code a refusal carries. */
    public enum Rule {

        /** 任职回避: the cadre's present post is in the organisation. */
        WORKS_THERE("recusal-works-there"),
        /** The cadre held a post in the organisation before. */
        WORKED_THERE("recusal-worked-there"),
        /** The organisation is the superior or a subordinate of the cadre's present unit. */
        SUPERIOR_OR_SUBORDINATE("recusal-superior-or-subordinate"),
        /** The cadre declared a close relation to the organisation (a relative works there). */
        CLOSE_RELATION("recusal-close-relation");

        private final String code;

        Rule(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * An organisation to be inspected: its id and name, and its own superior unit where that is known (null
     * otherwise), for the subordinate direction of {@link Rule#SUPERIOR_OR_SUBORDINATE}.
     */
    public record Target(String organisationId, String organisationName, String superiorUnitId) {
    }

    /** Why one cadre may not inspect one organisation. */
    public record Violation(Rule rule, String cadreId, String cadreName, String organisationId, String reason) {
    }

    /** One recusal rule. */
    public interface Policy {

        Rule rule();

        /** Why {@code cadre} may not inspect {@code target}, or empty when this rule does not object. */
        Optional<String> objection(Cadre.State cadre, Target target);
    }

    public static final Policy WORKS_THERE = policy(Rule.WORKS_THERE, (cadre, target) -> {
        Post present = cadre.present();
        return present != null && present.unitId().equals(target.organisationId())
                ? Optional.of(cadre.name() + " works in " + target.organisationName() + " (" + present.title() + ")")
                : Optional.empty();
    });

    public static final Policy WORKED_THERE = policy(Rule.WORKED_THERE, (cadre, target) -> cadre.posts().stream()
            .filter(held -> held.until() != null && held.post().unitId().equals(target.organisationId()))
            .findFirst()
            .map(held -> cadre.name() + " worked in " + target.organisationName() + " (" + held.post().title()
                    + ", " + held.post().since() + " to " + held.until() + ")"));

    public static final Policy SUPERIOR_OR_SUBORDINATE = policy(Rule.SUPERIOR_OR_SUBORDINATE, (cadre, target) -> {
        Post present = cadre.present();
        if (present == null) {
            return Optional.empty();
        }
        if (target.organisationId().equals(present.superiorUnitId())) {
            return Optional.of(target.organisationName() + " is the superior unit of " + cadre.name() + "'s unit "
                    + present.unitName());
        }
        if (present.unitId().equals(target.superiorUnitId())) {
            return Optional.of(target.organisationName() + " is a subordinate unit of " + cadre.name() + "'s unit "
                    + present.unitName());
        }
        return Optional.empty();
    });

    public static final Policy CLOSE_RELATION = policy(Rule.CLOSE_RELATION, (cadre, target) -> cadre.relations()
            .stream()
            .filter(r -> r.organisationId().equals(target.organisationId()))
            .findFirst()
            .map(r -> cadre.name() + " declared a close relation (" + r.relation() + ") to "
                    + target.organisationName()));

    /** Every policy, in the order a refusal lists what they object to. */
    public static final List<Policy> POLICIES = List.of(WORKS_THERE, WORKED_THERE, SUPERIOR_OR_SUBORDINATE,
            CLOSE_RELATION);

    /** Everything that keeps {@code cadre} from inspecting {@code target}; empty when nothing does. */
    public static List<Violation> check(Cadre.State cadre, Target target) {
        Objects.requireNonNull(cadre, "cadre");
        return POLICIES.stream()
                .flatMap(p -> p.objection(cadre, target)
                        .map(why -> new Violation(p.rule(), cadre.cadreId(), cadre.name(), target.organisationId(),
                                why))
                        .stream())
                .toList();
    }

    private interface Objection {

        Optional<String> of(Cadre.State cadre, Target target);
    }

    private static Policy policy(Rule rule, Objection objection) {
        return new Policy() {

            @Override
            public Rule rule() {
                return rule;
            }

            @Override
            public Optional<String> objection(Cadre.State cadre, Target target) {
                return objection.of(cadre, target);
            }
        };
    }
}
