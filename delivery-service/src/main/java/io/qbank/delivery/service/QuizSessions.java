package io.qbank.delivery.service;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.security.CurrentUser;
import io.qbank.delivery.domain.Quiz;
import io.qbank.delivery.domain.ServedItem;

/**
 * The quizzes this replica worked on last, as they were after its own last write, with the item waiting for its answer:
 * a next or an answer then reads nothing from the database before its one write. Never trusted blindly: every write is
 * guarded by the quiz's row version, so a quiz another replica changed meanwhile fails the guard, is dropped from here and
 * read again. Bounded; emptied when full.
 */
@ApplicationScoped
public class QuizSessions {

    private static final int MAX_ENTRIES = 100_000;

    private record Session(Quiz quiz, ServedItem current) {
    }

    private final Map<UUID, Session> sessions = new ConcurrentHashMap<>();

    /** The cached quiz if it is the caller's own (same tenant and user), else null. */
    public Quiz quiz(CurrentUser user, UUID quizId) {
        Session s = sessions.get(quizId);
        return s != null && s.quiz.tenantId().equals(user.tenantId()) && s.quiz.userId().equals(user.userId()) ? s.quiz : null;
    }

    /** The served item awaiting its answer at this state of the quiz, if known. */
    public ServedItem current(Quiz quiz) {
        Session s = sessions.get(quiz.id());
        return s != null && s.quiz.rowVersion() == quiz.rowVersion() && s.current != null && s.current.position() == quiz.served()
                ? s.current : null;
    }

    public void put(Quiz quiz, ServedItem current) {
        if (sessions.size() >= MAX_ENTRIES) {
            sessions.clear();
        }
        sessions.put(quiz.id(), new Session(quiz, current));
    }

    public void forget(UUID quizId) {
        sessions.remove(quizId);
    }
}
