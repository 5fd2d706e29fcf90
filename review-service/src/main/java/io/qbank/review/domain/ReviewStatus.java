package io.qbank.review.domain;

/** The seed's {@code determine_review_status}, for either scheduler: recalls since the last lapse and the interval. */
public final class ReviewStatus {

    public static final String NEW = "new";
    public static final String LEARNING = "learning";
    public static final String REVIEWING = "reviewing";
    public static final String MASTERED = "mastered";

    private ReviewStatus() {
    }

    public static String of(int repetition, int intervalDays) {
        if (repetition == 0) {
            return NEW;
        }
        if (repetition < 3) {
            return LEARNING;
        }
        return intervalDays < 21 ? REVIEWING : MASTERED;
    }
}
