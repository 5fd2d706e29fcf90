package io.qbank.analytics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.qbank.analytics.repository.JobRepository;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Nightly calibration of every tenant with responses; jobs a stopped process left running are failed at start-up. */
@ApplicationScoped
public class ScheduledJobs {

    private static final Logger LOG = Logger.getLogger(ScheduledJobs.class);

    private final Pool pool;
    private final JobRepository jobs;
    private final CalibrationService calibration;

    public ScheduledJobs(Pool pool, JobRepository jobs, CalibrationService calibration) {
        this.pool = pool;
        this.jobs = jobs;
        this.calibration = calibration;
    }

    void onStart(@Observes StartupEvent start) {
        jobs.failInterrupted().subscribe().with(n -> {
            if (n > 0) {
                LOG.warnf("%d analytics jobs were interrupted by a restart and are marked failed", n);
            }
        }, failure -> LOG.warn("could not check for interrupted jobs", failure));
    }

    @Scheduled(cron = "{qbank.analytics.calibration.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> calibrateEveryTenant() {
        return pool.query("SELECT DISTINCT tenant_id FROM item_version_stats WHERE attempts > 0").execute()
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(row -> calibration.start(row.getString(0), "scheduler", calibration.defaults())
                        .replaceWithVoid()
                        .onFailure().recoverWithItem(failure -> {
                            LOG.infof("scheduled calibration of %s not started: %s", row.getString(0), failure.getMessage());
                            return null;
                        }))
                .collect().last().replaceWithVoid();
    }
}
