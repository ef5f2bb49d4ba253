package io.xunshi.kernel.tracing;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import org.jboss.logging.Logger;

import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * Records and exports spans only when an OTLP endpoint is configured ({@code quarkus.otel.exporter.otlp.endpoint}
 * or {@code quarkus.otel.exporter.otlp.traces.endpoint}, e.g. through {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}).
 * Without one, every span is sampled out: it still has its trace and span ids — they reach the logs' MDC, the
 * events' stored trace context and the {@code ce_traceparent} of published records — but nothing is exported, so
 * no exporter tries to reach a collector that is not there. (Quarkus chooses its exporter at build time; the
 * sampler is the part that can be chosen when the service starts. Quarkus still wraps it to drop the
 * {@code /q/*} endpoints.) With an endpoint, sampling follows the caller's decision and samples every new trace.
 */
@ApplicationScoped
public class TraceSampling {

    static final List<String> ENDPOINTS = List.of("quarkus.otel.exporter.otlp.traces.endpoint",
            "quarkus.otel.exporter.otlp.endpoint");
    /** Quarkus' own defaults come from sources ranked below every source a user writes to (files, env, -D). */
    private static final int USER_SOURCES = 100;
    private static final Logger LOG = Logger.getLogger(TraceSampling.class);

    @Produces
    @Singleton
    Sampler sampler() {
        Optional<String> endpoint = configuredEndpoint(ConfigProvider.getConfig());
        if (endpoint.isPresent()) {
            LOG.infof("Traces are exported over OTLP to %s", endpoint.get());
            return Sampler.parentBased(Sampler.alwaysOn());
        }
        LOG.info("Traces are not exported (no OTLP endpoint configured); trace ids still reach the logs and events");
        return Sampler.alwaysOff();
    }

    /** The OTLP endpoint set by the operator, if any; Quarkus' built-in default does not count. */
    static Optional<String> configuredEndpoint(Config config) {
        for (String name : ENDPOINTS) {
            ConfigValue value = config.getConfigValue(name);
            if (value.getValue() != null && !value.getValue().isBlank() && value.getSourceOrdinal() >= USER_SOURCES) {
                return Optional.of(value.getValue());
            }
        }
        return Optional.empty();
    }
}
