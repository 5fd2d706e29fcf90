package io.qbank.generation.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Embeds a material's chunks after its upload, a batch at a time, on one thread of its own (the model is CPU-bound and
 * uses its own threads inside): the upload answers at once, the material shows its progress (embedded_chunks) and turns
 * ready at the end. Chunks are embedded where their embedding is still missing, so a restart resumes where it stopped.
 */
@ApplicationScoped
public class MaterialEmbedder {

    private static final Logger LOG = Logger.getLogger(MaterialEmbedder.class);
    static final int BATCH = 32;

    private final Pool pool;
    private final Embedder embedder;
    private final ExecutorService cpu = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "material-embedder");
        t.setDaemon(true);
        return t;
    });

    public MaterialEmbedder(Pool pool, Embedder embedder) {
        this.pool = pool;
        this.embedder = embedder;
    }

    void resumeAtStart(@Observes StartupEvent start) {
        pool.query("SELECT id FROM source_material WHERE embedding_state = 'pending' ORDER BY created_at").execute()
                .subscribe().with(rows -> rows.forEach(row -> start(row.getUUID(0))),
                        failure -> LOG.warn("could not look for materials left unembedded", failure));
    }

    @PreDestroy
    void stop() {
        cpu.shutdownNow();
    }

    /** Starts embedding the material's chunks in the background. */
    public void start(UUID materialId) {
        next(materialId).subscribe().with(ignored -> { }, failure -> {
            LOG.errorf(failure, "embedding material %s failed", materialId);
            pool.preparedQuery("UPDATE source_material SET embedding_state = 'failed' WHERE id = $1").execute(Tuple.of(materialId))
                    .subscribe().with(x -> { }, f -> { });
        });
    }

    /** Embedding is a derived value that can be recomputed: the Uni is the whole material, batch after batch. */
    Uni<Void> next(UUID materialId) {
        return pool.preparedQuery("SELECT id, text FROM material_chunk WHERE material_id = $1 AND embedding IS NULL ORDER BY ordinal LIMIT $2")
                .execute(Tuple.of(materialId, BATCH))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return pool.preparedQuery("UPDATE source_material SET embedding_state = 'ready' WHERE id = $1 AND embedding_state = 'pending'")
                                .execute(Tuple.of(materialId)).replaceWithVoid();
                    }
                    List<UUID> ids = new ArrayList<>();
                    List<String> texts = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getUUID(0));
                        texts.add(row.getString(1));
                    }
                    return Uni.createFrom().item(() -> embedder.embed(texts)).runSubscriptionOn(cpu)
                            .chain(vectors -> store(materialId, ids, vectors))
                            .chain(() -> next(materialId));
                });
    }

    private Uni<Void> store(UUID materialId, List<UUID> ids, float[][] vectors) {
        List<Tuple> updates = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            updates.add(Tuple.of(ids.get(i), Embedder.boxed(vectors[i])));
        }
        return pool.withTransaction(connection -> connection.preparedQuery("UPDATE material_chunk SET embedding = $2 WHERE id = $1")
                .executeBatch(updates)
                .chain(() -> connection.preparedQuery("""
                        UPDATE source_material SET embedded_chunks = (SELECT count(*) FROM material_chunk
                                                                       WHERE material_id = $1 AND embedding IS NOT NULL)
                         WHERE id = $1""").execute(Tuple.of(materialId))))
                .replaceWithVoid();
    }
}
