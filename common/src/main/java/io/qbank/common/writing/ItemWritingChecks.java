package io.qbank.generation.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.qbank.generation.domain.GeneratedItem;

/**
 * Checks a generated item before it may become a draft: the seed's format rules, then automatic item-writing-flaw
 * checks from the NBME item-writing guide. A rejection names its reason; flaws that do not reject lower the quality
 * score (0–1) that reviewers see.
 */
public final class ItemValidator {

    public enum Severity { REJECT, WARN }

    /** @param code a stable identifier of the check, e.g. {@code all-of-the-above} */
    public record Finding(String code, Severity severity, String message) {
    }

    public record Report(boolean valid, double qualityScore, List<Finding> findings) {

        public List<String> rejections() {
            return findings.stream().filter(f -> f.severity() == Severity.REJECT).map(f -> f.code() + ": " + f.message()).toList();
        }
    }

    static final int MAX_VIGNETTE = 6000;
    static final int MAX_FIELD = 2000;
    private static final double WARNING_PENALTY = 0.15;
    private static final double REJECTION_PENALTY = 0.5;

    private static final Pattern ALL_NONE_OF_THE_ABOVE = Pattern.compile("\\b(all|none|both|neither) of the (above|options|answers)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile("\\b(not|except|least|false|incorrect)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ABSOLUTE = Pattern.compile("\\b(always|never|all|none|only|completely|entirely|every)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AGE = Pattern.compile(
            "\\b(\\d{1,3})[- ](year|month|week|day)s?[- ]old\\b|\\b(newborn|neonate|infant|toddler)\\b|\\baged? \\d{1,3}\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEX = Pattern.compile("\\b(man|woman|men|women|boy|girl|male|female|gentleman|lady|he|she|his|her)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PRESENTATION = Pattern.compile(
            "\\b(present(s|ed|ing)?|comes to|came to|brought to|is brought|complain(s|ed|ing)?|reports?|visits?|admitted|evaluat(ed|ion)|because of)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> STOPWORDS = Set.of("the", "and", "with", "from", "that", "this", "which", "what", "most", "likely",
            "of", "in", "to", "a", "an", "is", "are", "was", "for", "by", "on", "or", "as", "at", "be", "its", "into", "than");

    private ItemValidator() {
    }

    /**
     * @param difficulty the requested difficulty 1–5: from 3 on, the vignette must say who the patient is and why they came
     */
    public static Report validate(GeneratedItem item, int difficulty) {
        List<Finding> findings = new ArrayList<>();
        if (blank(item.vignette())) {
            reject(findings, "missing-vignette", "the vignette is empty");
        }
        if (blank(item.question())) {
            reject(findings, "missing-question", "the lead-in question is empty");
        }
        if (blank(item.explanation())) {
            reject(findings, "missing-explanation", "the explanation is empty");
        }
        List<String> options = item.options() == null ? List.of() : item.options();
        if (options.size() < 4 || options.size() > 5) {
            reject(findings, "option-count", "needs 4 or 5 options, has " + options.size());
        }
        if (options.stream().anyMatch(ItemValidator::blank)) {
            reject(findings, "empty-option", "an option is empty");
        }
        Integer key = item.correctIndex();
        boolean keyValid = key != null && key >= 0 && key < options.size();
        if (!keyValid) {
            reject(findings, "correct-index", "correct_index must point at one of the " + options.size() + " options, was " + key);
        }
        if (length(item.vignette()) > MAX_VIGNETTE || length(item.explanation()) > MAX_VIGNETTE
                || length(item.question()) > MAX_FIELD || options.stream().anyMatch(o -> length(o) > MAX_FIELD)) {
            reject(findings, "oversized", "a field is longer than allowed (vignette and explanation " + MAX_VIGNETTE + ", others "
                    + MAX_FIELD + " characters)");
        }
        if (!findings.isEmpty()) {
            return report(findings); // the format is broken: the flaw checks below would only repeat it
        }

        for (String option : options) {
            if (ALL_NONE_OF_THE_ABOVE.matcher(option).find()) {
                reject(findings, "all-none-of-the-above", "option \"" + option + "\" refers to the other options");
            }
        }
        duplicateOptions(options, findings);
        String correct = options.get(key);
        if (!explanationSupports(item.explanation(), correct)) {
            reject(findings, "explanation-does-not-support-key",
                    "the explanation never mentions the correct answer \"" + correct + "\"");
        }
        if (difficulty >= 3) {
            String vignette = item.vignette();
            List<String> missing = new ArrayList<>();
            if (!AGE.matcher(vignette).find()) {
                missing.add("age");
            }
            if (!SEX.matcher(vignette).find()) {
                missing.add("sex");
            }
            if (!PRESENTATION.matcher(vignette).find()) {
                missing.add("presentation");
            }
            if (!missing.isEmpty()) {
                reject(findings, "vignette-incomplete", "a level " + difficulty + " vignette must give the patient's " + String.join(", ", missing));
            }
        }
        negativeStem(item.question(), findings);
        double distractorMean = 0;
        int longestDistractor = 0;
        for (int i = 0; i < options.size(); i++) {
            if (i != key) {
                distractorMean += options.get(i).length();
                longestDistractor = Math.max(longestDistractor, options.get(i).length());
            }
        }
        distractorMean /= options.size() - 1;
        if (correct.length() > 1.5 * distractorMean && correct.length() > longestDistractor + 10) {
            warn(findings, "longest-option-is-key", "the correct option is conspicuously longer than the distractors ("
                    + correct.length() + " characters against " + Math.round(distractorMean) + " on average)");
        }
        for (int i = 0; i < options.size(); i++) {
            if (i != key && ABSOLUTE.matcher(options.get(i)).find() && !ABSOLUTE.matcher(correct).find()
                    && !ALL_NONE_OF_THE_ABOVE.matcher(options.get(i)).find()) { // that one is rejected already
                warn(findings, "absolute-term-in-distractor", "distractor \"" + options.get(i) + "\" uses an absolute term only distractors use");
            }
        }
        return report(findings);
    }

    /** Same after normalising case, spacing and punctuation, or sharing most of their words: a give-away or a double key. */
    private static void duplicateOptions(List<String> options, List<Finding> findings) {
        for (int i = 0; i < options.size(); i++) {
            for (int j = i + 1; j < options.size(); j++) {
                String a = normalise(options.get(i)), b = normalise(options.get(j));
                if (a.equals(b)) {
                    reject(findings, "duplicate-options", "options " + label(i) + " and " + label(j) + " are the same");
                } else if (jaccard(words(a), words(b)) >= 0.8) {
                    reject(findings, "near-duplicate-options", "options " + label(i) + " and " + label(j) + " say nearly the same");
                }
            }
        }
    }

    /** A negative lead-in (NOT, EXCEPT, LEAST) misleads unless emphasised (capitals or bold), and is discouraged even then. */
    private static void negativeStem(String question, List<Finding> findings) {
        var matcher = NEGATIVE.matcher(question);
        while (matcher.find()) {
            String word = matcher.group();
            boolean emphasised = word.equals(word.toUpperCase(Locale.ROOT)) || question.contains("**" + word + "**")
                    || question.contains("*" + word + "*");
            if (!emphasised) {
                warn(findings, "negative-stem-unemphasised", "the lead-in's \"" + word + "\" is easy to miss: emphasise it or rephrase positively");
                return;
            }
        }
        if (NEGATIVE.matcher(question).find()) {
            warn(findings, "negative-stem", "a negatively phrased lead-in tests test-taking more than knowledge");
        }
    }

    /** The whole correct option, or most of its content words, appear in the explanation. */
    static boolean explanationSupports(String explanation, String correct) {
        String text = normalise(explanation);
        String key = normalise(correct);
        if (text.contains(key)) {
            return true;
        }
        Set<String> keyWords = contentWords(key);
        if (keyWords.isEmpty()) {
            return false;
        }
        Set<String> textWords = words(text);
        long found = keyWords.stream().filter(w -> textWords.contains(w) || textWords.stream().anyMatch(t -> t.startsWith(stem(w)))).count();
        return found * 2 >= keyWords.size();
    }

    private static Report report(List<Finding> findings) {
        double score = 1.0;
        boolean valid = true;
        for (Finding f : findings) {
            score -= f.severity() == Severity.REJECT ? REJECTION_PENALTY : WARNING_PENALTY;
            valid &= f.severity() != Severity.REJECT;
        }
        return new Report(valid, Math.max(0, Math.min(1, score)), List.copyOf(findings));
    }

    private static void reject(List<Finding> findings, String code, String message) {
        findings.add(new Finding(code, Severity.REJECT, message));
    }

    private static void warn(List<Finding> findings, String code, String message) {
        findings.add(new Finding(code, Severity.WARN, message));
    }

    static String normalise(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private static Set<String> words(String normalised) {
        return normalised.isEmpty() ? Set.of() : new HashSet<>(List.of(normalised.split(" ")));
    }

    private static Set<String> contentWords(String normalised) {
        Set<String> out = new HashSet<>();
        for (String w : words(normalised)) {
            if (w.length() >= 3 && !STOPWORDS.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** A crude stem, enough for "dissection"/"dissecting" or "embolus"/"embolism". */
    private static String stem(String word) {
        return word.length() > 6 ? word.substring(0, word.length() - 3) : word;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return (double) both.size() / (a.size() + b.size() - both.size());
    }

    private static char label(int index) {
        return (char) ('A' + index);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
