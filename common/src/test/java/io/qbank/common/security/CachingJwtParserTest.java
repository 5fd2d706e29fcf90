package io.qbank.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.SecretKey;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

class CachingJwtParserTest {

    private static final long NOW_SECONDS = 1_800_000_000L;

    /** Wall clock and ticker move together. */
    private final AtomicLong nanos = new AtomicLong(TimeUnit.SECONDS.toNanos(NOW_SECONDS));
    private final CountingVerifier verifier = new CountingVerifier();
    private final CachingJwtParser parser = new CachingJwtParser(verifier, 100, nanos::get, () -> TimeUnit.NANOSECONDS.toMillis(nanos.get()));

    @Test
    void aTokenIsVerifiedOnceAndTheSameVerifiedTokenServesItsLaterRequests() throws Exception {
        JsonWebToken first = parser.parse("good.exp+600");
        JsonWebToken second = parser.parse("good.exp+600");
        assertThat(second).isSameAs(first);
        assertThat(verifier.verified).containsExactly("good.exp+600");
    }

    @Test
    void anyOtherTokenStringIsVerifiedAnew() throws Exception {
        parser.parse("good.exp+600");
        parser.parse("good.exp+601");
        assertThat(verifier.verified).containsExactly("good.exp+600", "good.exp+601");
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        assertThatThrownBy(() -> parser.parse("bad.exp+600")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> parser.parse("bad.exp+600")).isInstanceOf(ParseException.class);
        assertThat(verifier.verified).containsExactly("bad.exp+600", "bad.exp+600");
    }

    @Test
    void aTokenIsForgottenWhenItExpiresSoThatTheVerifierRefusesIt() throws Exception {
        parser.parse("good.exp+60");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(59));
        parser.parse("good.exp+60");
        assertThat(verifier.verified).hasSize(1);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));
        parser.parse("good.exp+60");
        assertThat(verifier.verified).hasSize(2);
    }

    @Test
    void aTokenWithoutExpiryIsNotKept() throws Exception {
        parser.parse("good.noexp");
        parser.parse("good.noexp");
        assertThat(verifier.verified).hasSize(2);
    }

    /** Accepts tokens named good.*, with exp = now + the number after "exp+" (none for "noexp"). */
    private static final class CountingVerifier implements JWTParser {
        final List<String> verified = new ArrayList<>();

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verified.add(token);
            if (!token.startsWith("good.")) {
                throw new ParseException("signature does not match");
            }
            long exp = token.contains("exp+") ? NOW_SECONDS + Long.parseLong(token.substring(token.indexOf("exp+") + 4)) : 0;
            return new Token(token, exp);
        }

        @Override
        public JsonWebToken parse(String token, JWTAuthContextInfo context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String token, PublicKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String token, SecretKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String token, String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, PrivateKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, SecretKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken parseOnly(String token) {
            throw new UnsupportedOperationException();
        }
    }

    private record Token(String raw, long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return raw;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String name) {
            return "exp".equals(name) && exp > 0 ? (T) Long.valueOf(exp) : null;
        }

        @Override
        public long getExpirationTime() {
            return exp;
        }
    }
}
