package io.qbank.delivery.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.error.ApiException;
import io.qbank.common.security.CurrentUser;
import io.qbank.delivery.domain.Annotation;
import io.qbank.delivery.domain.ServedItem;
import io.qbank.delivery.repository.AnnotationRepository;
import io.qbank.delivery.repository.QuizRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** A student's marks, strikes, highlights and notes on the served positions of their own quiz, and the quiz's navigator. */
@ApplicationScoped
public class AnnotationService {

    /** A served position as the navigator shows it: answered or not, and the student's annotation. */
    public record Position(int position, boolean answered, Annotation annotation) {
    }

    private final Pool db;
    private final QuizService quizzes;
    private final QuizRepository quizRepository;
    private final AnnotationRepository annotations;

    public AnnotationService(Pool db, QuizService quizzes, QuizRepository quizRepository, AnnotationRepository annotations) {
        this.db = db;
        this.quizzes = quizzes;
        this.quizRepository = quizRepository;
        this.annotations = annotations;
    }

    /** Replaces the annotation of a served position; another student's quiz, or a position not served, is 404. */
    public Uni<Position> annotate(CurrentUser user, UUID quizId, Annotation annotation) {
        return quizzes.get(user, quizId).chain(quiz -> quizRepository.servedAt(db, quizId, annotation.position()).chain(item -> {
            if (item == null) {
                throw ApiException.notFound("Position " + annotation.position() + " of quiz", quizId);
            }
            return annotations.save(db, quizId, quiz.tenantId(), quiz.userId(), annotation)
                    .map(saved -> new Position(saved.position(), item.answer() != null, saved));
        }));
    }

    /** Every served position of the quiz in order, with whether it is answered and its annotation. */
    public Uni<List<Position>> positions(CurrentUser user, UUID quizId) {
        return quizzes.get(user, quizId).chain(quiz -> Uni.combine().all()
                .unis(quizRepository.served(db, quizId), annotations.list(db, quizId)).asTuple()
                .map(both -> {
                    Map<Integer, Annotation> byPosition = both.getItem2().stream()
                            .collect(Collectors.toMap(Annotation::position, Function.identity()));
                    return both.getItem1().stream().map((ServedItem s) -> new Position(s.position(), s.answer() != null,
                            byPosition.getOrDefault(s.position(), Annotation.none(s.position())))).toList();
                }));
    }
}
