package io.xunshi.inspection.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.xunshi.contracts.inspection.VettingCheck;
import io.xunshi.inspection.domain.Cadre;
import io.xunshi.kernel.aggregate.AggregateRepository;

/**
 * A cadre as the API shows it: present and past posts (until is null for the present one), declared relations,
 * and the checks passed ({@code vetted}: all three a leader needs); {@code version} is also its ETag.
 */
public record CadreView(String cadreId, String jurisdiction, String name, String account, String rank,
        List<String> expertise, List<Cadre.HeldPost> posts, List<Cadre.Relation> relations,
        Map<VettingCheck, LocalDate> vetting, boolean vetted, int version) {

    static CadreView of(AggregateRepository.Loaded<Cadre.State> loaded) {
        Cadre.State s = loaded.state();
        return new CadreView(s.cadreId(), s.jurisdiction(), s.name(), s.account(), s.rank(), s.expertise(), s.posts(),
                s.relations(), s.vetting(), s.vetted(), loaded.version());
    }
}
