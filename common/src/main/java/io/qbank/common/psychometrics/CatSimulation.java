package io.qbank.common.psychometrics;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Simulated adaptive quizzes on a calibrated bank: examinees of known θ answer at random by the 3PL model, items are
 * chosen by {@link ItemSelector} exactly as delivery chooses them, and θ is re-estimated by EAP after every answer.
 * Counts how often each item was selected (offered to the Sympson–Hetter lottery) and administered.
 */
public final class CatSimulation {

    /** Per examinee the final estimate; per bank item the share of examinees it was selected for and administered to. */
    public record Result(double[] trueTheta, double[] estimate, double[] selectionRate, double[] exposureRate) {

        public double rmse() {
            double sum = 0;
            for (int i = 0; i < trueTheta.length; i++) {
                sum += (estimate[i] - trueTheta[i]) * (estimate[i] - trueTheta[i]);
            }
            return Math.sqrt(sum / trueTheta.length);
        }

        public double maxExposureRate() {
            double max = 0;
            for (double r : exposureRate) {
                max = Math.max(max, r);
            }
            return max;
        }
    }

    private CatSimulation() {
    }

    /** An item of the simulated bank: its index in the bank is how the counts are kept. */
    private record BankItem(int index, ItemParameters parameters, double shP, double[] probabilityOnGrid) implements Selectable {
        @Override
        public List<java.util.UUID> topicPath() {
            return List.of();
        }
    }

    /**
     * @param bank          the calibrated items
     * @param shP           Sympson–Hetter acceptance per bank item (all 1.0 for none)
     * @param thetas        the examinees' true abilities
     * @param length        items per quiz
     * @param shortlistSize how many of the best items the lottery may go through ({@code exposureLookahead} in delivery)
     */
    public static Result run(List<ItemParameters> bank, double[] shP, double[] thetas, int length, int shortlistSize, RandomGenerator random) {
        List<BankItem> items = new ArrayList<>(bank.size());
        for (int i = 0; i < bank.size(); i++) {
            double[] grid = new double[AbilityEstimator.POINTS];
            for (int g = 0; g < grid.length; g++) {
                grid[g] = bank.get(i).probability(AbilityEstimator.gridPoint(g));
            }
            items.add(new BankItem(i, bank.get(i), shP[i], grid));
        }
        long[] selected = new long[bank.size()];
        long[] administered = new long[bank.size()];
        double[] estimate = new double[thetas.length];
        for (int e = 0; e < thetas.length; e++) {
            List<BankItem> eligible = new ArrayList<>(items);
            Posterior posterior = Posterior.prior();
            double theta = 0;
            for (int position = 0; position < length && !eligible.isEmpty(); position++) {
                List<BankItem> shortlist = ItemSelector.shortlist(eligible, theta, true, shortlistSize, random);
                ItemSelector.Choice<BankItem> choice = ItemSelector.choose(shortlist, true, random);
                for (BankItem refused : choice.setAside()) {
                    selected[refused.index()]++;
                    eligible.remove(refused);
                }
                BankItem item = choice.item();
                selected[item.index()]++;
                administered[item.index()]++;
                eligible.remove(item);
                boolean correct = random.nextDouble() < item.parameters().probability(thetas[e]);
                posterior = posterior.update(item.probabilityOnGrid(), correct);
                theta = posterior.ability().theta();
            }
            estimate[e] = theta;
        }
        double[] selectionRate = new double[bank.size()];
        double[] exposureRate = new double[bank.size()];
        for (int i = 0; i < bank.size(); i++) {
            selectionRate[i] = (double) selected[i] / thetas.length;
            exposureRate[i] = (double) administered[i] / thetas.length;
        }
        return new Result(thetas.clone(), estimate, selectionRate, exposureRate);
    }
}
