package io.qbank.generation;

import io.qbank.common.testing.PrivateRedis;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every test of this module runs against a Redis of its own, which {@code RedisOutageTest} stops and starts again: a test
 * profile of its own would start a second application in the test JVM, and the embedding model's native library loads in
 * one class loader only.
 */
@QuarkusTestResource(PrivateRedis.class)
public class TestRedis {
}
