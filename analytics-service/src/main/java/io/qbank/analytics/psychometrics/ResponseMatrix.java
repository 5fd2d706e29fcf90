package io.qbank.analytics.psychometrics;

import java.util.Arrays;

/**
 * A sparse examinee × item matrix of dichotomous responses, stored by examinee (compressed rows): an examinee answers
 * only the items their quizzes served, so most cells are empty.
 */
public final class ResponseMatrix {

    private final int items;
    private final int[] rowStart;
    private final int[] item;
    private final boolean[] correct;

    private ResponseMatrix(int items, int[] rowStart, int[] item, boolean[] correct) {
        this.items = items;
        this.rowStart = rowStart;
        this.item = item;
        this.correct = correct;
    }

    public int items() {
        return items;
    }

    public int examinees() {
        return rowStart.length - 1;
    }

    public int responses() {
        return item.length;
    }

    int rowStart(int examinee) {
        return rowStart[examinee];
    }

    int rowEnd(int examinee) {
        return rowStart[examinee + 1];
    }

    int item(int response) {
        return item[response];
    }

    boolean correct(int response) {
        return correct[response];
    }

    /** Respondents per item. */
    public int[] respondents() {
        int[] n = new int[items];
        for (int it : item) {
            n[it]++;
        }
        return n;
    }

    /** Share of correct answers per item (the classical p-value); NaN for an item nobody answered. */
    public double[] facility() {
        int[] n = new int[items];
        int[] right = new int[items];
        for (int r = 0; r < item.length; r++) {
            n[item[r]]++;
            if (correct[r]) {
                right[item[r]]++;
            }
        }
        double[] p = new double[items];
        for (int j = 0; j < items; j++) {
            p[j] = n[j] == 0 ? Double.NaN : (double) right[j] / n[j];
        }
        return p;
    }

    /** Rows are added one examinee at a time: {@link #answer} any number of times, then {@link #endExaminee}. */
    public static final class Builder {
        private final int items;
        private int[] rowStart = new int[64];
        private int rows;
        private int[] item = new int[1024];
        private boolean[] correct = new boolean[1024];
        private int size;

        public Builder(int items) {
            this.items = items;
        }

        public Builder answer(int itemIndex, boolean isCorrect) {
            if (itemIndex < 0 || itemIndex >= items) {
                throw new IllegalArgumentException("item index " + itemIndex + " outside 0.." + (items - 1));
            }
            if (size == item.length) {
                item = Arrays.copyOf(item, size * 2);
                correct = Arrays.copyOf(correct, size * 2);
            }
            item[size] = itemIndex;
            correct[size++] = isCorrect;
            return this;
        }

        /** Closes the current examinee's row; an examinee without answers is left out. */
        public Builder endExaminee() {
            if (size == rowStart[rows]) {
                return this;
            }
            if (rows + 2 > rowStart.length) {
                rowStart = Arrays.copyOf(rowStart, rowStart.length * 2);
            }
            rowStart[++rows] = size;
            return this;
        }

        public ResponseMatrix build() {
            if (size != rowStart[rows]) {
                endExaminee();
            }
            return new ResponseMatrix(items, Arrays.copyOf(rowStart, rows + 1), Arrays.copyOf(item, size), Arrays.copyOf(correct, size));
        }
    }
}
