package io.qbank.delivery.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.delivery.domain.Annotation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class AnnotationRepository {

    private static final String COLUMNS = "position, marked, struck, highlights, note, updated_at";

    public Uni<Annotation> save(SqlClient client, UUID quizId, String tenantId, UUID userId, Annotation a) {
        Integer[] ranges = a.highlights().stream().flatMap(r -> java.util.stream.Stream.of(r.start(), r.end())).toArray(Integer[]::new);
        return client.preparedQuery("""
                INSERT INTO position_annotation (quiz_id, position, tenant_id, user_id, marked, struck, highlights, note, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
                ON CONFLICT (quiz_id, position) DO UPDATE
                   SET marked = excluded.marked, struck = excluded.struck, highlights = excluded.highlights, note = excluded.note,
                       updated_at = excluded.updated_at
                """ + "RETURNING " + COLUMNS)
                .execute(Tuple.from(new Object[] { quizId, a.position(), tenantId, userId, a.marked(), a.struck().toArray(String[]::new),
                        ranges, a.note() }))
                .map(rows -> annotation(rows.iterator().next()));
    }

    public Uni<List<Annotation>> list(SqlClient client, UUID quizId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM position_annotation WHERE quiz_id = $1 ORDER BY position")
                .execute(Tuple.of(quizId)).map(rows -> {
                    List<Annotation> list = new ArrayList<>();
                    rows.forEach(r -> list.add(annotation(r)));
                    return list;
                });
    }

    private static Annotation annotation(Row r) {
        Integer[] ranges = r.getArrayOfIntegers("highlights");
        List<Annotation.Range> highlights = new ArrayList<>();
        for (int i = 0; i + 1 < ranges.length; i += 2) {
            highlights.add(new Annotation.Range(ranges[i], ranges[i + 1]));
        }
        return new Annotation(r.getInteger("position"), r.getBoolean("marked"), List.of(r.getArrayOfStrings("struck")), highlights,
                r.getString("note"), r.getOffsetDateTime("updated_at").toInstant());
    }
}
