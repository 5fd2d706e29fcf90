-- Each chunk's embedding (all-MiniLM-L6-v2, 384 dimensions, unit length), computed in the background after the upload;
-- the material says how far that got. Retrieval ranks a tenant's embedded chunks by cosine similarity.
ALTER TABLE source_material
    ADD COLUMN embedding_state TEXT NOT NULL DEFAULT 'pending' CHECK (embedding_state IN ('pending', 'ready', 'failed')),
    ADD COLUMN embedded_chunks INT  NOT NULL DEFAULT 0;
ALTER TABLE material_chunk ADD COLUMN embedding REAL[];
CREATE INDEX source_material_pending ON source_material (created_at) WHERE embedding_state = 'pending';
