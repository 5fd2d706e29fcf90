package io.qbank.analytics.service;

import static io.qbank.analytics.rest.AnalyticsViews.defined;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.analytics.config.AnalyticsConfig;
import io.qbank.analytics.psychometrics.ClassicalStatistics;
import io.qbank.analytics.psychometrics.ItemAttention;
import io.qbank.analytics.repository.RollupQueries;
import io.qbank.analytics.rest.AnalyticsViews.AbilityGroup;
import io.qbank.analytics.rest.AnalyticsViews.ItemStatistics;
import io.qbank.common.error.ApiException;
import io.smallrye.mutiny.Uni;

/** The item analysis report: each item version's statistics with why it needs a look, and how ability groups answered it. */
@ApplicationScoped
public class ItemAnalysis {

    private final RollupQueries rollups;
    private final AnalyticsConfig config;

    public ItemAnalysis(RollupQueries rollups, AnalyticsConfig config) {
        this.rollups = rollups;
        this.config = config;
    }

    public Uni<List<ItemStatistics>> items(String tenantId, String examCode, int offset, int limit) {
        return rollups.items(tenantId, examCode, null, offset, limit, config.exposureControl().targetRate()).chain(rows -> rows.isEmpty()
                ? Uni.createFrom().item(rows)
                : rollups.scoredResponses(tenantId, rows.stream().map(ItemStatistics::itemId).distinct().toArray(UUID[]::new))
                        .map(scored -> rows.stream().map(r -> withAttention(r, scored)).toList()));
    }

    /** One item version's statistics, with the upper–lower index. */
    public Uni<ItemStatistics> item(String tenantId, UUID itemId, int version) {
        return rollups.items(tenantId, null, itemId, 0, 1000, config.exposureControl().targetRate())
                .map(rows -> rows.stream().filter(r -> r.version() == version).findFirst()
                        .orElseThrow(() -> ApiException.notFound("item version", itemId + "/" + version)))
                .chain(stats -> rollups.scoredResponses(tenantId, new UUID[] { itemId }).map(scored -> {
                    ClassicalStatistics.Scored responses = scored.get(RollupQueries.key(itemId, version));
                    ItemStatistics withAttention = withAttention(stats, scored);
                    return responses == null ? withAttention
                            : withAttention.withUpperLower(ClassicalStatistics.upperLower(responses.criterion(), responses.correct()));
                }));
    }

    /** How the lower, middle and upper groups by rest score answered the item version; 404 for one without statistics. */
    public Uni<List<AbilityGroup>> groups(String tenantId, UUID itemId, int version) {
        return rollups.items(tenantId, null, itemId, 0, 1000, config.exposureControl().targetRate())
                .invoke(rows -> rows.stream().filter(r -> r.version() == version).findFirst()
                        .orElseThrow(() -> ApiException.notFound("item version", itemId + "/" + version)))
                .chain(rows -> rollups.scoredResponses(tenantId, new UUID[] { itemId }).map(scored -> {
            ClassicalStatistics.Scored responses = scored.getOrDefault(RollupQueries.key(itemId, version),
                    new ClassicalStatistics.Scored(new double[0], new boolean[0], new String[0]));
            ClassicalStatistics.Groups groups = ClassicalStatistics.byGroup(responses);
            return List.of(group("lower", groups.lower()), group("middle", groups.middle()), group("upper", groups.upper()));
        }));
    }

    private static AbilityGroup group(String name, ClassicalStatistics.GroupChoices g) {
        long[] c = g.chose();
        return new AbilityGroup(name, g.respondents(), c[0], c[1], c[2], c[3], c[4],
                defined(ClassicalStatistics.facility(g.correct(), g.respondents())));
    }

    private ItemStatistics withAttention(ItemStatistics s, Map<String, ClassicalStatistics.Scored> scored) {
        ClassicalStatistics.Scored responses = scored.get(RollupQueries.key(s.itemId(), s.version()));
        long[] upper = null;
        if (responses != null) {
            ClassicalStatistics.GroupChoices strongest = ClassicalStatistics.byGroup(responses).upper();
            upper = strongest.respondents() > 0 ? strongest.chose() : null;
        }
        return s.withAttention(ItemAttention.reasons(new ItemAttention.Figures(s.attempts(), s.pValue(), s.pointBiserial(), s.correctLabel(),
                s.optionCount(), s.chose(), upper, s.exposureRate(), s.exposureTarget(), config.attentionMinimumAttempts()))
                .stream().map(ItemAttention.Reason::message).toList());
    }
}
