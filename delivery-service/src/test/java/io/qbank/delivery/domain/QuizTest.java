package io.qbank.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.qbank.common.psychometrics.ItemParameters;

class QuizTest {

    private static final UUID ROOT = UUID.randomUUID();
    private static final UUID CARDIO = UUID.randomUUID();

    private static Quiz quiz(Double seTarget, List<Quota> quotas, int length) {
        return new Quiz(UUID.randomUUID(), "t", UUID.randomUUID(), "EX", Quiz.EXAM, true, length, null,
                new QuizFilters(List.of(), List.of(), null), quotas, seTarget, Quiz.ACTIVE, 1, 0, 0, 0, 1, null, List.of(), List.of(),
                Instant.now(), null, null, 7);
    }

    @Test
    void aQuizCompletesAtItsLengthOrAtTheSeTargetOnceItsQuotasAreMet() {
        assertThat(quiz(null, List.of(), 3).completeAfter(2, 0.1)).isFalse();
        assertThat(quiz(null, List.of(), 3).completeAfter(3, 0.9)).isTrue();
        assertThat(quiz(0.3, List.of(), 30).completeAfter(5, 0.29)).isTrue();
        assertThat(quiz(0.3, List.of(), 30).completeAfter(5, 0.31)).isFalse();
        assertThat(quiz(0.3, List.of(new Quota(CARDIO, 2, 1)), 30).completeAfter(5, 0.2)).as("a quota still open").isFalse();
        assertThat(quiz(0.3, List.of(new Quota(CARDIO, 2, 2)), 30).completeAfter(5, 0.2)).isTrue();
    }

    @Test
    void answeringMovesTheScoreAndTheRowVersionAndEndsTheQuizAtItsLength() {
        Instant at = Instant.now();
        Quiz after = quiz(null, List.of(), 1).answered(true, new double[61], 0.4, 0.9, at);
        assertThat(after.answered()).isEqualTo(1);
        assertThat(after.correct()).isEqualTo(1);
        assertThat(after.status()).isEqualTo(Quiz.COMPLETED);
        assertThat(after.completedAt()).isEqualTo(at);
        assertThat(after.rowVersion()).isEqualTo(8);
        assertThat(after.keysVisible()).as("an ended exam-mode quiz shows its keys").isTrue();
        Quiz running = quiz(null, List.of(), 5).answered(false, new double[61], -0.4, 0.9, at);
        assertThat(running.isActive()).isTrue();
        assertThat(running.correct()).isZero();
        assertThat(running.keysVisible()).as("a running exam-mode quiz hides its keys").isFalse();
        assertThat(quiz(null, List.of(), 5).ended(Quiz.EXPIRED, at).status()).isEqualTo(Quiz.EXPIRED);
    }

    private static Quiz quiz(String mode, boolean adaptive, int served, int answered) {
        return new Quiz(UUID.randomUUID(), "t", UUID.randomUUID(), "EX", mode, adaptive, 3, null, new QuizFilters(List.of(), List.of(), null),
                List.of(), null, Quiz.ACTIVE, served, answered, 0, 0, 1, null, List.of(), List.of(), Instant.now(), null, null, 7);
    }

    private static ServedItem item(boolean answered) {
        return new ServedItem(UUID.randomUUID(), 1, UUID.randomUUID(), 1, CARDIO, 0, Instant.now(),
                answered ? new ServedItem.Answer(UUID.randomUUID(), "A", true, null, 1000, 0.1, 0.9, Instant.now()) : null);
    }

    @Test
    void aKeyShowsForAnAnsweredTutorPositionOrAfterTheEnd() {
        Quiz tutor = quiz(Quiz.TUTOR, true, 1, 0);
        assertThat(tutor.keyVisible(item(false))).as("tutor, served and not answered").isFalse();
        assertThat(tutor.keyVisible(item(true))).as("tutor, answered").isTrue();
        Quiz exam = quiz(Quiz.EXAM, false, 2, 1);
        assertThat(exam.keyVisible(item(true))).as("running exam, answered").isFalse();
        assertThat(exam.keysVisible()).isFalse();
        Quiz ended = exam.ended(Quiz.EXPIRED, Instant.now());
        assertThat(ended.keyVisible(item(false))).as("ended exam, not answered").isTrue();
        assertThat(ended.keyVisible(item(true))).isTrue();
        assertThat(tutor.ended(Quiz.COMPLETED, Instant.now()).keyVisible(item(false))).as("ended tutor quiz").isTrue();
    }

    @Test
    void onlyALinearExamIsNavigableAndItEndsOnlyWhenTheStudentOrTheClockEndsIt() {
        assertThat(quiz(Quiz.EXAM, false, 1, 0).navigable()).isTrue();
        assertThat(quiz(Quiz.EXAM, true, 1, 0).navigable()).isFalse();
        assertThat(quiz(Quiz.TUTOR, false, 1, 0).navigable()).isFalse();
        assertThat(quiz(Quiz.EXAM, false, 2, 0).awaitsAnswer()).as("a block serves on without an answer").isFalse();
        assertThat(quiz(Quiz.EXAM, true, 2, 1).awaitsAnswer()).isTrue();
        Quiz linear = quiz(Quiz.EXAM, false, 3, 2).answered(true, new double[61], 0.2, 0.8, Instant.now());
        assertThat(linear.answered()).isEqualTo(3);
        assertThat(linear.isActive()).as("every position answered, the block still runs").isTrue();
        assertThat(linear.completeButActive()).isFalse();
        Quiz adaptive = quiz(Quiz.EXAM, true, 3, 2).answered(true, new double[61], 0.2, 0.8, Instant.now());
        assertThat(adaptive.isActive()).isFalse();
        assertThat(adaptive.stillActive().completeButActive()).as("stored active, its end to follow").isTrue();
        assertThat(quiz(Quiz.EXAM, true, 3, 2).completeButActive()).isFalse();
        Quiz changed = linear.changed(1, new double[61], -0.3, 0.85);
        assertThat(changed.correct()).isEqualTo(1);
        assertThat(changed.answered()).isEqualTo(3);
        assertThat(changed.rowVersion()).isEqualTo(linear.rowVersion() + 1);
    }

    @Test
    void filtersAdmitBySubtreeDifficultyAndHistory() {
        PoolItem item = new PoolItem(UUID.randomUUID(), 1, CARDIO, List.of(ROOT, CARDIO), "hard", new ItemParameters(1, 0, 0.2), false, 1);
        Set<UUID> none = Set.of();
        assertThat(new QuizFilters(List.of(ROOT), List.of(), null).admits(item, none)).isTrue();
        assertThat(new QuizFilters(List.of(UUID.randomUUID()), List.of(), null).admits(item, none)).isFalse();
        assertThat(new QuizFilters(List.of(), List.of("hard", "nbme"), null).admits(item, none)).isTrue();
        assertThat(new QuizFilters(List.of(), List.of("easy"), null).admits(item, none)).isFalse();
        assertThat(new QuizFilters(List.of(), List.of(), QuizFilters.UNUSED).admits(item, Set.of(item.itemId()))).as("seen before").isFalse();
        assertThat(new QuizFilters(List.of(), List.of(), QuizFilters.UNUSED).admits(item, none)).isTrue();
        assertThat(new QuizFilters(List.of(), List.of(), QuizFilters.INCORRECT).admits(item, Set.of(item.itemId()))).isTrue();
        assertThat(new QuizFilters(List.of(), List.of(), QuizFilters.FLAGGED).admits(item, none)).isFalse();
        assertThat(new QuizFilters(List.of(), List.of(), null).isEmpty()).isTrue();
    }

    @Test
    void thePoolIndexHoldsTheMostInformativeItemsNearEachTheta() {
        java.util.Random random = new java.util.Random(4);
        List<PoolItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            items.add(new PoolItem(UUID.randomUUID(), 1, CARDIO, List.of(ROOT, CARDIO), "medium",
                    new ItemParameters(0.5 + random.nextDouble() * 1.5, random.nextGaussian() * 1.5, 0.2), true, 1));
        }
        ExamPool pool = ExamPool.of(items);
        for (double theta : new double[] { -4.0, -1.3, 0.0, 0.72, 4.0 }) {
            double grid = Math.round(theta / ExamPool.GRID_STEP) * ExamPool.GRID_STEP;
            List<PoolItem> expected = new java.util.ArrayList<>(items);
            expected.sort((x, y) -> Double.compare(y.parameters().information(grid), x.parameters().information(grid)));
            assertThat(pool.mostInformativeNear(theta, item -> true, 1_000)).containsExactlyElementsOf(expected.subList(0, ExamPool.INDEXED));
            // the open ones only, best first, up to the limit
            Set<PoolItem> served = Set.copyOf(expected.subList(0, 40).stream().filter(i -> random.nextBoolean()).toList());
            List<PoolItem> open = expected.stream().filter(i -> !served.contains(i)).toList();
            assertThat(pool.mostInformativeNear(theta, i -> !served.contains(i), 64)).containsExactlyElementsOf(open.subList(0, 64));
        }
        assertThat(pool.byId()).hasSize(2_000);
        // a small pool is scored whole on every selection
        assertThat(ExamPool.of(items.subList(0, 100)).mostInformativeNear(0.0, item -> true, 64)).isEmpty();
    }
}
