package io.qbank.delivery.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Expires timed quizzes whose deadline passed while nobody asked for them, so that their QuizCompleted reaches
 * review and analytics without waiting for the student to come back. A quiz the student touches expires at once anyway.
 */
@ApplicationScoped
public class QuizExpiry {

    private static final int BATCH = 200;

    private final QuizService quizzes;

    public QuizExpiry(QuizService quizzes) {
        this.quizzes = quizzes;
    }

    @Scheduled(every = "${qbank.delivery.expiry-sweep:15s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return quizzes.expireOverdue(BATCH)
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("expired %d overdue quizzes", n);
                    }
                })
                .onFailure().invoke(f -> Log.warnf("the expiry sweep failed, it runs again later: %s", f.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
