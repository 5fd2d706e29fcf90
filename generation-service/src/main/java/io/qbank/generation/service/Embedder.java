package io.qbank.generation.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The in-process embedding model (all-MiniLM-L6-v2 quantised to 8 bits, 384 dimensions, from its Maven artifact: no
 * provider, no network; the full-precision model needs about 270 MB of heap just to load).
 * Blocking and CPU-bound: call it from a worker thread. Vectors come back normalised to unit length, so the cosine
 * similarity of two is their dot product.
 */
@ApplicationScoped
public class Embedder {

    public static final int DIMENSIONS = 384;

    private volatile EmbeddingModel model;

    private EmbeddingModel model() {
        if (model == null) {
            synchronized (this) {
                if (model == null) {
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel(); // loads the ONNX model once, on first use
                }
            }
        }
        return model;
    }

    public float[][] embed(List<String> texts) {
        List<Embedding> embeddings = model().embedAll(texts.stream().map(TextSegment::from).toList()).content();
        float[][] out = new float[embeddings.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = unit(embeddings.get(i).vector());
        }
        return out;
    }

    public float[] embed(String text) {
        return embed(List.of(text))[0];
    }

    public static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    /** For a REAL[] column. */
    public static Float[] boxed(float[] v) {
        Float[] out = new Float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    /** From a REAL[] column. */
    public static float[] unboxed(Float[] boxed) {
        float[] v = new float[boxed.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = boxed[i];
        }
        return v;
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
