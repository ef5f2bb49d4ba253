package io.xunshi.inspection.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.xunshi.contracts.inspection.CadreEvent;
import io.xunshi.contracts.inspection.CadrePostChanged;
import io.xunshi.contracts.inspection.CadreRegistered;
import io.xunshi.contracts.inspection.CadreVetted;
import io.xunshi.contracts.inspection.CloseRelation;
import io.xunshi.contracts.inspection.CloseRelationDeclared;
import io.xunshi.contracts.inspection.Post;
import io.xunshi.contracts.inspection.VettingCheck;
import io.xunshi.kernel.domain.DomainRejection;
import io.xunshi.kernel.domain.ExhaustiveDecider;
import io.xunshi.kernel.domain.InvalidCommand;

/**
 * One person in a jurisdiction's cadre pool (巡视巡察干部人才库): their present and past posts, the close relations
 * they declared, and the checks they passed: what recusal ({@link Recusal}) and team formation ({@link Team})
 * read. Which team a leader is authorised for is the team's (its formation names the leader; see
 * {@link Team}).
 */
public final class Cadre extends ExhaustiveDecider<Cadre.Command, CadreEvent, Cadre.State> {

    public static final String ALREADY_REGISTERED = "cadre-already-registered";
    public static final String NOT_REGISTERED = "cadre-not-registered";
    /** A new post that does not begin after the present one; on {@code since}. */
    public static final String POST_OUT_OF_ORDER = "post-out-of-order";
    public sealed interface Command permits Register, ChangePost, DeclareRelation, Vet {
    }

    public record Register(String cadreId, String jurisdiction, String name, String account, String rank,
            List<String> expertise, Post post) implements Command {
    }

    public record ChangePost(Post post) implements Command {
    }

    public record DeclareRelation(String organisationId, CloseRelation relation, LocalDate declaredOn)
            implements
                Command {
    }

    public record Vet(VettingCheck check, LocalDate passedOn) implements Command {
    }

    /** A post held until {@code until} (null: held now). */
    public record HeldPost(Post post, LocalDate until) {
    }

    public record Relation(String organisationId, CloseRelation relation, LocalDate declaredOn) {
    }

    public record State(String cadreId, String jurisdiction, String name, String account, String rank,
            List<String> expertise, List<HeldPost> posts, List<Relation> relations,
            Map<VettingCheck, LocalDate> vetting) {

        static final State NONE = new State(null, null, null, null, null, List.of(), List.of(), List.of(),
                Map.of());

        public boolean registered() {
            return cadreId != null;
        }

        /** The post held now. */
        public Post present() {
            return posts.isEmpty() ? null : posts.get(posts.size() - 1).post();
        }

        /** Whether all three checks a leader needs are passed (政治关、廉洁关、作风关). */
        public boolean vetted() {
            return vetting.keySet().containsAll(List.of(VettingCheck.values()));
        }

        State withPost(Post post) {
            List<HeldPost> more = new ArrayList<>(posts);
            if (!more.isEmpty()) {
                HeldPost last = more.remove(more.size() - 1);
                more.add(new HeldPost(last.post(), post.since().minusDays(1)));
            }
            more.add(new HeldPost(post, null));
            return new State(cadreId, jurisdiction, name, account, rank, expertise, List.copyOf(more), relations,
                    vetting);
        }

        State withRelation(Relation relation) {
            List<Relation> more = new ArrayList<>(relations);
            more.add(relation);
            return new State(cadreId, jurisdiction, name, account, rank, expertise, posts, List.copyOf(more),
                    vetting);
        }

        State withVetting(VettingCheck check, LocalDate passedOn) {
            Map<VettingCheck, LocalDate> more = new EnumMap<>(VettingCheck.class);
            more.putAll(vetting);
            more.put(check, passedOn);
            return new State(cadreId, jurisdiction, name, account, rank, expertise, posts, relations,
                    Map.copyOf(more));
        }
    }

    public Cadre() {
        super(rules(Command.class, CadreEvent.class, State.NONE)
                .decide(Register.class, Cadre::register)
                .decide(ChangePost.class, Cadre::changePost)
                .decide(DeclareRelation.class, Cadre::declareRelation)
                .decide(Vet.class, Cadre::vet)
                .evolve(CadreRegistered.class, (state, r) -> new State(r.cadreId(), r.jurisdiction(), r.name(),
                        r.account(), r.rank(), List.copyOf(r.expertise()), List.of(), List.of(), Map.of())
                        .withPost(r.post()))
                .evolve(CadrePostChanged.class, (state, changed) -> state.withPost(changed.post()))
                .evolve(CloseRelationDeclared.class, (state, d) -> state.withRelation(new Relation(d.organisationId(),
                        d.relation(), d.declaredOn())))
                .evolve(CadreVetted.class, (state, v) -> state.withVetting(v.check(), v.passedOn())));
    }

    private static List<CadreEvent> register(Register r, State state) {
        if (state.registered()) {
            throw new DomainRejection(ALREADY_REGISTERED, "cadre " + state.cadreId() + " is already in the pool");
        }
        return List.of(new CadreRegistered(r.cadreId(), r.jurisdiction(), r.name().strip(), r.account().strip(),
                r.rank().strip(), r.expertise().stream().map(String::strip).distinct().toList(), stripped(r.post())));
    }

    private static List<CadreEvent> changePost(ChangePost change, State state) {
        requireRegistered(state);
        Post present = state.present();
        if (!change.post().since().isAfter(present.since())) {
            throw new InvalidCommand(POST_OUT_OF_ORDER, "since", "a new post must begin after the present one, which"
                    + " began on " + present.since());
        }
        return List.of(new CadrePostChanged(state.cadreId(), stripped(change.post())));
    }

    /** The same organisation and relation declared again changes nothing. */
    private static List<CadreEvent> declareRelation(DeclareRelation d, State state) {
        requireRegistered(state);
        boolean known = state.relations().stream()
                .anyMatch(r -> r.organisationId().equals(d.organisationId()) && r.relation() == d.relation());
        return known
                ? List.of()
                : List.of(new CloseRelationDeclared(state.cadreId(), d.organisationId(), d.relation(), d.declaredOn()));
    }

    private static List<CadreEvent> vet(Vet vet, State state) {
        requireRegistered(state);
        return List.of(new CadreVetted(state.cadreId(), vet.check(), vet.passedOn()));
    }

    private static void requireRegistered(State state) {
        if (!state.registered()) {
            throw new DomainRejection(NOT_REGISTERED, "no such cadre");
        }
    }

    private static Post stripped(Post post) {
        return new Post(post.unitId().strip(), post.unitName().strip(),
                post.superiorUnitId() == null ? null : post.superiorUnitId().strip(), post.title().strip(),
                post.since());
    }
}
