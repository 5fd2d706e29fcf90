-- What a student marks, strikes, highlights and notes at a served position of their quiz, kept by the server so that a
-- reload or another device resumes exactly where they were. One row per position, written whole on each change.
CREATE TABLE position_annotation (
    quiz_id    UUID        NOT NULL,
    position   INT         NOT NULL,
    tenant_id  TEXT        NOT NULL,
    user_id    UUID        NOT NULL,
    marked     BOOLEAN     NOT NULL DEFAULT false,
    struck     TEXT[]      NOT NULL DEFAULT '{}',
    highlights INT[]       NOT NULL DEFAULT '{}',
    note       TEXT,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (quiz_id, position)
);
