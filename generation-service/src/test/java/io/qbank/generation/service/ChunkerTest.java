package io.qbank.generation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChunkerTest {

    @Test
    void chunksOverlapStayWithinTheSizeAndCoverTheText() {
        String text = "The heart has four chambers. ".repeat(200);
        List<Chunker.Chunk> chunks = Chunker.chunk(text, 500, 100);
        assertThat(chunks).hasSizeGreaterThan(10);
        for (int i = 0; i < chunks.size(); i++) {
            Chunker.Chunk c = chunks.get(i);
            assertThat(c.ordinal()).isEqualTo(i);
            assertThat(c.end() - c.start()).isLessThanOrEqualTo(500);
            assertThat(c.text()).endsWith("chambers."); // cut at a sentence end
            if (i > 0) {
                assertThat(c.start()).isLessThan(chunks.get(i - 1).end()); // overlap
                assertThat(c.start()).isGreaterThan(chunks.get(i - 1).start()); // progress
            }
        }
        assertThat(chunks.get(0).start()).isZero();
        assertThat(chunks.get(chunks.size() - 1).end()).isEqualTo(text.length());
    }

    @Test
    void paragraphsArePreferredAndShortTextIsOneChunk() {
        String text = "a".repeat(300) + "\n\n" + "b".repeat(300);
        assertThat(Chunker.chunk(text, 500, 50).get(0).text()).isEqualTo("a".repeat(300));
        assertThat(Chunker.chunk("short", 500, 50)).extracting(Chunker.Chunk::text).containsExactly("short");
        assertThat(Chunker.chunk("   \n  ", 500, 50)).isEmpty();
    }

    @Test
    void textWithoutBoundariesIsCutHard() {
        List<Chunker.Chunk> chunks = Chunker.chunk("x".repeat(1000), 400, 0);
        assertThat(chunks).extracting(c -> c.text().length()).containsExactly(400, 400, 200);
        assertThatThrownBy(() -> Chunker.chunk("x", 100, 100)).isInstanceOf(IllegalArgumentException.class);
    }
}
