package io.qbank.generation.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.generation.domain.Scope;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The chunks of a scope's materials (the tenant's shared ones, or a learner's own) most similar to a query (cosine of the embeddings), for the generation prompt. */
@ApplicationScoped
public class Retriever {

    /** A chunk as the prompt cites it: by id, with its text and how close it was to the query. */
    public record RetrievedChunk(UUID chunkId, UUID materialId, String text, double similarity) {
    }

    private final Pool pool;
    private final Embedder embedder;

    public Retriever(Pool pool, Embedder embedder) {
        this.pool = pool;
        this.embedder = embedder;
    }

    /** @param materialIds only these materials of the scope, or null for all of them */
    public Uni<List<RetrievedChunk>> retrieve(Scope scope, List<UUID> materialIds, String query, int k) {
        return Uni.createFrom().item(() -> embedder.embed(query)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(q -> pool.preparedQuery("""
                        SELECT id, material_id, text, embedding FROM material_chunk
                         WHERE tenant_id = $1 AND personal_owner IS NOT DISTINCT FROM $3 AND embedding IS NOT NULL
                           AND ($2::uuid[] IS NULL OR material_id = ANY ($2::uuid[]))""")
                        .execute(Tuple.of(scope.tenantId(), materialIds == null ? null : materialIds.toArray(UUID[]::new), scope.owner()))
                        .map(rows -> {
                            PriorityQueue<RetrievedChunk> best = new PriorityQueue<>(Comparator.comparingDouble(RetrievedChunk::similarity));
                            for (Row row : rows) {
                                double similarity = Embedder.cosine(q, Embedder.unboxed(row.getArrayOfFloats(3)));
                                if (best.size() < k) {
                                    best.add(new RetrievedChunk(row.getUUID(0), row.getUUID(1), row.getString(2), similarity));
                                } else if (similarity > best.peek().similarity()) {
                                    best.poll();
                                    best.add(new RetrievedChunk(row.getUUID(0), row.getUUID(1), row.getString(2), similarity));
                                }
                            }
                            List<RetrievedChunk> out = new ArrayList<>(best);
                            out.sort(Comparator.comparingDouble(RetrievedChunk::similarity).reversed());
                            return out;
                        }));
    }
}
