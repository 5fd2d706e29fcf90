package io.qbank.generation.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into overlapping chunks of at most {@code size} characters, cutting at a paragraph, sentence or
 * word boundary where one falls in the second half of the window, so that retrieval units read as text.
 */
public final class Chunker {

    public record Chunk(int ordinal, int start, int end, String text) {
    }

    private Chunker() {
    }

    public static List<Chunk> chunk(String text, int size, int overlap) {
        if (size <= 0 || overlap < 0 || overlap >= size) {
            throw new IllegalArgumentException("need 0 <= overlap < size, got size " + size + ", overlap " + overlap);
        }
        List<Chunk> chunks = new ArrayList<>();
        int start = 0;
        int length = text.length();
        while (start < length) {
            int end = Math.min(length, start + size);
            if (end < length) {
                end = boundary(text, start + size / 2, end);
            }
            String piece = text.substring(start, end).strip();
            if (!piece.isEmpty()) {
                chunks.add(new Chunk(chunks.size(), start, end, piece));
            }
            if (end >= length) {
                break;
            }
            start = Math.max(end - overlap, start + 1);
        }
        return chunks;
    }

    /** The best cut in [from, to): after a blank line, else after a sentence end, else at a space, else at {@code to}. */
    private static int boundary(String text, int from, int to) {
        int paragraph = text.lastIndexOf("\n\n", to - 1);
        if (paragraph >= from) {
            return paragraph + 2;
        }
        for (int i = to - 1; i >= from; i--) {
            char c = text.charAt(i);
            if ((c == '.' || c == '?' || c == '!') && i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1))) {
                return i + 1;
            }
        }
        int space = text.lastIndexOf(' ', to - 1);
        return space >= from ? space + 1 : to;
    }
}
