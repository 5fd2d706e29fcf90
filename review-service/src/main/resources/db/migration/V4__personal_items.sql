-- Personal study sets (from qbank.personal.v1): a learner's own generated questions sit in the item read model beside the
-- bank's, marked by their owner; only that learner is ever served them. Practice sessions serve a set's questions, new
-- ones first. A removed question takes its schedule, attempts and session places with it.
ALTER TABLE review_item ADD COLUMN owner_id UUID;              -- null: an item of the bank
ALTER TABLE review_item ADD COLUMN material_ids UUID[];         -- a personal item's materials
ALTER TABLE review_item ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE INDEX review_item_owner ON review_item (tenant_id, owner_id, created_at) WHERE owner_id IS NOT NULL;
ALTER TABLE review_item_version ADD COLUMN owner_id UUID;

ALTER TABLE review_session ADD COLUMN personal BOOLEAN NOT NULL DEFAULT false;   -- practice of the learner's study set
ALTER TABLE review_session ADD COLUMN material_id UUID;                         -- …of one material's questions
CREATE INDEX review_session_item_item ON review_session_item (item_id);
