-- Every next and every answer writes here, so each index and each foreign key is paid at every step of every quiz.
-- What goes, and why nothing is lost:
--  * served_item -> pool_item_version: the check locked the item's shared row (FOR KEY SHARE) in every quiz that served
--    it, so concurrent quizzes near the same ability contended on one tuple. Only items of the pool are ever chosen,
--    and pool versions are never deleted.
--  * response -> served_item: the answer statement inserts its response only from the guarded update of the quiz, for a
--    position the service has read as served; the check re-read and locked the served row at every answer.
--  * served_item.id was never read, and response.id (the responseId of AnswerSubmitted) is a random UUID made by the
--    service: neither needs an index of its own. Both are keyed by (quiz_id, position), which they were unique on already.
--  * response_user: nothing reads responses by learner (the learner's history is learner_item).
ALTER TABLE served_item DROP CONSTRAINT IF EXISTS served_item_item_id_version_fkey;
ALTER TABLE response DROP CONSTRAINT response_quiz_id_position_fkey;

ALTER TABLE served_item DROP CONSTRAINT served_item_pkey;
ALTER TABLE served_item DROP COLUMN id;
ALTER TABLE item_flag DROP CONSTRAINT item_flag_quiz_id_position_fkey;
ALTER TABLE served_item DROP CONSTRAINT served_item_quiz_id_position_key;
ALTER TABLE served_item ADD PRIMARY KEY (quiz_id, position);
ALTER TABLE item_flag ADD FOREIGN KEY (quiz_id, position) REFERENCES served_item (quiz_id, position);

ALTER TABLE response DROP CONSTRAINT response_pkey;
ALTER TABLE response DROP CONSTRAINT response_quiz_id_position_key;
ALTER TABLE response ADD PRIMARY KEY (quiz_id, position);
DROP INDEX response_user;
