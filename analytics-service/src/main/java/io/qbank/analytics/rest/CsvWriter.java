package io.qbank.analytics.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Any table view (a list of records) as RFC 4180 CSV: a header of the record's component names, one line per row.
 * Selected by {@code Accept: text/csv}.
 */
@Provider
@Produces(CsvWriter.TEXT_CSV)
// the record accessors are read reflectively: registered for native images
@RegisterForReflection(targets = { AnalyticsViews.CohortDay.class, AnalyticsViews.CohortMember.class, AnalyticsViews.ItemStatistics.class, AnalyticsViews.AbilityGroup.class, AnalyticsViews.FormReliability.class,
        AnalyticsViews.TopicMastery.class, AnalyticsViews.TenantTopicMastery.class, AnalyticsViews.Retention.class })
public class CsvWriter implements MessageBodyWriter<List<?>> {

    public static final String TEXT_CSV = "text/csv";

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return List.class.isAssignableFrom(type);
    }

    /** The row type from the declared type, else from the first row (a reactive return type may lose the declaration). */
    private static Class<?> rowType(List<?> rows, Type genericType) {
        if (genericType instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> row && row.isRecord()) {
            return row;
        }
        return rows.isEmpty() ? null : rows.get(0).getClass();
    }

    @Override
    public void writeTo(List<?> rows, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream entity) throws IOException {
        Class<?> rowType = rowType(rows, genericType);
        if (rowType == null) {
            return; // no rows and no declared row type: an empty document
        }
        if (!rowType.isRecord()) {
            throw new IOException("CSV is written for lists of records, not " + rowType);
        }
        RecordComponent[] columns = rowType.getRecordComponents();
        Writer out = new OutputStreamWriter(entity, StandardCharsets.UTF_8);
        for (int c = 0; c < columns.length; c++) {
            out.write((c == 0 ? "" : ",") + columns[c].getName());
        }
        out.write("\r\n");
        for (Object row : rows) {
            for (int c = 0; c < columns.length; c++) {
                Object value;
                try {
                    value = columns[c].getAccessor().invoke(row);
                } catch (ReflectiveOperationException e) {
                    throw new IOException("cannot read " + columns[c].getName(), e);
                }
                out.write((c == 0 ? "" : ",") + field(value));
            }
            out.write("\r\n");
        }
        out.flush();
    }

    /** A list as its elements joined by "; ". Quoted when it holds a comma, quote or line break; a leading =, +, − or @ is defused against spreadsheet formulas. */
    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof List<?> list ? String.join("; ", list.stream().map(String::valueOf).toList()) : value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
