package io.qbank.common.psychometrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.qbank.common.psychometrics.ItemSelector.Quota;

class ItemSelectorTest {

    record Item(String name, ItemParameters parameters, double shP, List<UUID> topicPath) implements Selectable {
    }

    private static final UUID ROOT = UUID.randomUUID();
    private static final UUID CARDIO = UUID.randomUUID();
    private static final UUID RENAL = UUID.randomUUID();

    private static Item item(String name, double b, double shP, UUID topic) {
        return new Item(name, new ItemParameters(1.0, b, 0.2), shP, topic == null ? List.of(ROOT) : List.of(ROOT, topic));
    }

    @Test
    void adaptiveShortlistIsOrderedByInformationAtTheta() {
        Item easy = item("easy", -2, 1, null), middle = item("middle", 0.1, 1, null), hard = item("hard", 2, 1, null);
        // with c = 0.2 the 3PL information peaks a little above b
        assertThat(ItemSelector.shortlist(List.of(easy, hard, middle), 0.0, true, 3, new Random(1))).containsExactly(middle, easy, hard);
        assertThat(ItemSelector.shortlist(List.of(easy, hard, middle), 2.2, true, 1, new Random(1))).containsExactly(hard);
    }

    @Test
    void adaptiveShortlistEqualsAFullSortOnALargePool() {
        Random random = new Random(5);
        List<Item> pool = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            pool.add(new Item("i" + i, new ItemParameters(0.5 + random.nextDouble(), random.nextGaussian(), 0.2), 1, List.of()));
        }
        List<Item> sorted = new ArrayList<>(pool);
        sorted.sort((x, y) -> Double.compare(y.parameters().information(0.7), x.parameters().information(0.7)));
        assertThat(ItemSelector.shortlist(pool, 0.7, true, 64, random)).containsExactlyElementsOf(sorted.subList(0, 64));
    }

    @Test
    void linearShortlistIsADistinctUniformSample() {
        List<Item> pool = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pool.add(item("i" + i, i, 1, null));
        }
        Random random = new Random(3);
        Map<Item, Integer> firsts = new HashMap<>();
        for (int run = 0; run < 10_000; run++) {
            List<Item> sample = ItemSelector.shortlist(pool, 0, false, 4, random);
            assertThat(new HashSet<>(sample)).hasSize(4);
            firsts.merge(sample.get(0), 1, Integer::sum);
        }
        assertThat(firsts).hasSize(10);
        assertThat(firsts.values()).allSatisfy(n -> assertThat(n).isBetween(850, 1150));
    }

    @Test
    void sympsonHetterRefusesTheBestItemWithProbabilityOneMinusKAndSetsItAside() {
        Item best = item("best", 0, 0.3, null), second = item("second", 1.5, 1, null);
        Random random = new Random(7);
        int bestChosen = 0;
        for (int i = 0; i < 10_000; i++) {
            ItemSelector.Choice<Item> choice = ItemSelector.choose(List.of(best, second), true, random);
            if (choice.item() == best) {
                bestChosen++;
                assertThat(choice.setAside()).isEmpty();
            } else {
                assertThat(choice.setAside()).containsExactly(best);
            }
        }
        assertThat(bestChosen / 10_000.0).isBetween(0.28, 0.32);
        // the last candidate is always taken, so exposure control never ends a quiz early
        assertThat(ItemSelector.choose(List.of(item("only", 0, 0.0, null)), true, random).item().name()).isEqualTo("only");
        // linear selection does not apply exposure control
        assertThat(ItemSelector.choose(List.of(item("k0", 0, 0.0, null), second), false, random).item().name()).isEqualTo("k0");
        assertThat(ItemSelector.choose(List.<Item>of(), true, random)).isNull();
    }

    @Test
    void quotasRestrictTheChoiceOnlyWhenThePositionsLeftAreNeeded() {
        List<Item> pool = List.of(item("c1", 0, 1, CARDIO), item("r1", 0, 1, RENAL), item("x", 0, 1, null));
        List<Quota> quotas = List.of(new Quota(CARDIO, 1, 0), new Quota(RENAL, 1, 0));
        assertThat(ItemSelector.honouringQuotas(pool, quotas, 3)).hasSize(3);
        assertThat(ItemSelector.honouringQuotas(pool, quotas, 2)).extracting(Item::name).containsExactly("c1", "r1");
        // one quota met: only the other one's items may fill the last position
        assertThat(ItemSelector.honouringQuotas(pool, List.of(new Quota(CARDIO, 1, 1), new Quota(RENAL, 1, 0)), 1))
                .extracting(Item::name).containsExactly("r1");
        // a quota the pool cannot fill does not hold positions hostage
        assertThat(ItemSelector.honouringQuotas(List.of(item("x", 0, 1, null)), quotas, 1)).hasSize(1);
        // a quota on the root topic counts every item of its subtree
        assertThat(ItemSelector.honouringQuotas(pool, List.of(new Quota(ROOT, 1, 0)), 1)).hasSize(3);
    }

    @Test
    void quotasAreMetAtTheEndOfAdaptiveAndLinearQuizzesEvenWhenTheyAreLeastInformative() {
        Random random = new Random(9);
        for (boolean adaptive : new boolean[] { true, false }) {
            for (int run = 0; run < 200; run++) {
                List<Item> eligible = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    eligible.add(item("x" + i, random.nextGaussian() * 0.3, 1, null)); // informative near θ = 0
                }
                for (int i = 0; i < 5; i++) {
                    eligible.add(item("c" + i, 3.5, 1, CARDIO)); // far from θ: never chosen on information alone
                    eligible.add(item("r" + i, -3.5, 1, RENAL));
                }
                int length = 10;
                Map<UUID, Integer> served = new HashMap<>(Map.of(CARDIO, 0, RENAL, 0));
                Set<Item> seen = new HashSet<>();
                for (int position = 1; position <= length; position++) {
                    List<Quota> quotas = List.of(new Quota(CARDIO, 3, served.get(CARDIO)), new Quota(RENAL, 2, served.get(RENAL)));
                    List<Item> allowed = ItemSelector.honouringQuotas(eligible, quotas, length - position + 1);
                    Item chosen = ItemSelector.choose(ItemSelector.shortlist(allowed, 0, adaptive, 8, random), adaptive, random).item();
                    assertThat(seen.add(chosen)).isTrue();
                    eligible.remove(chosen);
                    chosen.topicPath().stream().filter(served::containsKey).forEach(t -> served.merge(t, 1, Integer::sum));
                }
                // quotas are minimums: a linear quiz may draw more of a topic at random
                assertThat(served.get(CARDIO)).isGreaterThanOrEqualTo(3);
                assertThat(served.get(RENAL)).isGreaterThanOrEqualTo(2);
                if (adaptive) { // least informative: exactly what the quota demands
                    assertThat(served).containsEntry(CARDIO, 3).containsEntry(RENAL, 2);
                }
            }
        }
    }
}
