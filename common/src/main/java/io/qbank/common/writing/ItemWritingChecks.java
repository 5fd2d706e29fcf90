package io.qbank.common.writing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The item-writing checks every item goes through, generated or written: the format rules of the seed, then automatic
 * item-writing-flaw checks from the NBME item-writing guide. Generation rejects a model's item on any REJECT; authors see
 * every finding next to the field it is about while they edit. Flaws that do not reject lower the quality score (0–1).
 */
public final class ItemWritingChecks {

    public enum Severity { REJECT, WARN }

    /** An item to check: its vignette (stem), lead-in, option texts in order, the index of the key and the explanation. */
    public record Item(String stem, String leadIn, List<String> options, Integer keyIndex, String rationale) {
    }

    /**
     * @param code  a stable identifier of the check, e.g. {@code all-none-of-the-above}
     * @param field what it is about: stem, leadIn, options, options[i], rationale
     */
    public record Finding(String code, Severity severity, String field, String message) {
    }

    /** A check's name and why it matters, in a line, for the people who write items. */
    public record Rule(String code, String name, String why) {
    }

    public static final Map<String, Rule> RULES = rules(
            new Rule("missing-vignette", "Vignette", "Items test the application of knowledge to a patient, so they start from a case."),
            new Rule("missing-question", "Lead-in", "A clear question lets a student answer before reading the options."),
            new Rule("missing-explanation", "Explanation", "Students learn from why the key is right and the distractors wrong."),
            new Rule("option-count", "Four or five options", "Fewer options make guessing pay; more add reading, not measurement."),
            new Rule("empty-option", "Empty option", "Every option must be a plausible answer."),
            new Rule("correct-index", "One key", "Exactly one option must be the best answer."),
            new Rule("oversized", "Length", "Long fields test reading speed, and do not fit the test screen."),
            new Rule("all-none-of-the-above", "All or none of the above",
                    "Test-wise students answer by spotting two right options or one wrong one."),
            new Rule("duplicate-options", "Duplicate options", "Two equal options are both right or both wrong, and give the item away."),
            new Rule("near-duplicate-options", "Near-duplicate options", "Options that say nearly the same can both be defended as the key."),
            new Rule("explanation-does-not-support-key", "Explanation supports the key",
                    "An explanation that never names the key teaches nothing about why it is right."),
            new Rule("vignette-incomplete", "Complete vignette",
                    "A vignette gives age, sex and the reason for the visit, as a real case does, so the item tests reasoning."),
            new Rule("negative-stem-unemphasised", "Hidden negative", "A NOT or EXCEPT that is easy to miss tests reading, not medicine."),
            new Rule("negative-stem", "Negative lead-in", "Negative questions ask what is wrong, which says little about what the student knows."),
            new Rule("longest-option-is-key", "Longest option is the key", "Test-wise students pick the longest, most qualified option."),
            new Rule("absolute-term-in-distractor", "Absolute terms",
                    "\"Always\" and \"never\" mark an option as wrong for a test-wise student."));

    private static Map<String, Rule> rules(Rule... rules) {
        Map<String, Rule> byCode = new LinkedHashMap<>();
        for (Rule r : rules) {
            byCode.put(r.code(), r);
        }
        return Collections.unmodifiableMap(byCode);
    }

    public record Report(boolean valid, double qualityScore, List<Finding> findings) {

        public List<String> rejections() {
            return findings.stream().filter(f -> f.severity() == Severity.REJECT).map(f -> f.code() + ": " + f.message()).toList();
        }
    }

    public static final int MAX_VIGNETTE = 6000;
    public static final int MAX_FIELD = 2000;
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

    private ItemWritingChecks() {
    }

    /**
     * @param difficulty the difficulty 1–5: from 3 on, the vignette must say who the patient is and why they came
     */
    public static Report check(Item item, int difficulty) {
        List<Finding> findings = new ArrayList<>();
        if (blank(item.stem())) {
            reject(findings, "missing-vignette", "stem", "the vignette is empty");
        }
        if (blank(item.leadIn())) {
            reject(findings, "missing-question", "leadIn", "the lead-in question is empty");
        }
        if (blank(item.rationale())) {
            reject(findings, "missing-explanation", "rationale", "the explanation is empty");
        }
        List<String> options = item.options() == null ? List.of() : item.options();
        if (options.size() < 4 || options.size() > 5) {
            reject(findings, "option-count", "options", "needs 4 or 5 options, has " + options.size());
        }
        for (int i = 0; i < options.size(); i++) {
            if (blank(options.get(i))) {
                reject(findings, "empty-option", "options[" + i + "]", "option " + label(i) + " is empty");
            }
        }
        Integer key = item.keyIndex();
        boolean keyValid = key != null && key >= 0 && key < options.size();
        if (!keyValid) {
            reject(findings, "correct-index", "options", "the key must be one of the " + options.size() + " options, was " + key);
        }
        String oversized = length(item.stem()) > MAX_VIGNETTE ? "stem" : length(item.rationale()) > MAX_VIGNETTE ? "rationale"
                : length(item.leadIn()) > MAX_FIELD ? "leadIn" : options.stream().anyMatch(o -> length(o) > MAX_FIELD) ? "options" : null;
        if (oversized != null) {
            reject(findings, "oversized", oversized, "a field is longer than allowed (vignette and explanation " + MAX_VIGNETTE
                    + ", others " + MAX_FIELD + " characters)");
        }
        if (!findings.isEmpty()) {
            return report(findings); // the format is broken: the flaw checks below would only repeat it
        }

        for (int i = 0; i < options.size(); i++) {
            if (ALL_NONE_OF_THE_ABOVE.matcher(options.get(i)).find()) {
                reject(findings, "all-none-of-the-above", "options[" + i + "]", "option \"" + options.get(i) + "\" refers to the other options");
            }
        }
        duplicateOptions(options, findings);
        String correct = options.get(key);
        if (!explanationSupports(item.rationale(), correct)) {
            reject(findings, "explanation-does-not-support-key", "rationale",
                    "the explanation never mentions the correct answer \"" + correct + "\"");
        }
        if (difficulty >= 3) {
            String vignette = item.stem();
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
                reject(findings, "vignette-incomplete", "stem", "a level " + difficulty + " vignette must give the patient's " + String.join(", ", missing));
            }
        }
        negativeStem(item.leadIn(), findings);
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
            warn(findings, "longest-option-is-key", "options[" + key + "]", "the correct option is conspicuously longer than the distractors ("
                    + correct.length() + " characters against " + Math.round(distractorMean) + " on average)");
        }
        for (int i = 0; i < options.size(); i++) {
            if (i != key && ABSOLUTE.matcher(options.get(i)).find() && !ABSOLUTE.matcher(correct).find()
                    && !ALL_NONE_OF_THE_ABOVE.matcher(options.get(i)).find()) { // that one is rejected already
                warn(findings, "absolute-term-in-distractor", "options[" + i + "]", "distractor \"" + options.get(i) + "\" uses an absolute term only distractors use");
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
                    reject(findings, "duplicate-options", "options[" + j + "]", "options " + label(i) + " and " + label(j) + " are the same");
                } else if (jaccard(words(a), words(b)) >= 0.8) {
                    reject(findings, "near-duplicate-options", "options[" + j + "]", "options " + label(i) + " and " + label(j) + " say nearly the same");
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
                warn(findings, "negative-stem-unemphasised", "leadIn", "the lead-in's \"" + word + "\" is easy to miss: emphasise it or rephrase positively");
                return;
            }
        }
        if (NEGATIVE.matcher(question).find()) {
            warn(findings, "negative-stem", "leadIn", "a negatively phrased lead-in tests test-taking more than knowledge");
        }
    }

    /** The whole correct option, or most of its content words, appear in the explanation. */
    public static boolean explanationSupports(String explanation, String correct) {
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

    private static void reject(List<Finding> findings, String code, String field, String message) {
        findings.add(new Finding(code, Severity.REJECT, field, message));
    }

    private static void warn(List<Finding> findings, String code, String field, String message) {
        findings.add(new Finding(code, Severity.WARN, field, message));
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
