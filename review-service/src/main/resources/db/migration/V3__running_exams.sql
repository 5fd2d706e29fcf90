-- The learners' running exams and the items served in them, from qbank.delivery.v1 (QuizStarted in exam mode, ItemServed,
-- QuizCompleted): a review session never serves, nor grades, an item that sits in its learner's running exam, whose key it
-- would otherwise show before the exam ends. A quiz's rows go when its QuizCompleted arrives.
CREATE TABLE running_exam (
    quiz_id     UUID PRIMARY KEY,
    tenant_id   TEXT        NOT NULL,
    user_id     UUID        NOT NULL
);

CREATE TABLE running_exam_item (
    quiz_id     UUID        NOT NULL,
    item_id     UUID        NOT NULL,
    tenant_id   TEXT        NOT NULL,
    user_id     UUID        NOT NULL,
    PRIMARY KEY (quiz_id, item_id)
);
CREATE INDEX running_exam_item_learner ON running_exam_item (tenant_id, user_id, item_id);
