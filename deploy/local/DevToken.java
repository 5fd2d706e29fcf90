import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Mints RS256 development tokens (sub, groups, tenant, iss, aud, exp, iat, jti) for local use.
 * The key pair is generated on first use into the key folder (git-ignored .keys/), never committed;
 * the services' dev profile and the local run verify with its public key. No service mints tokens.
 *
 * Usage: java DevToken.java [--keys DIR] [--role R]... [--tenant T] [--sub UUID] [--ttl SECONDS] [--issuer ISS] [--count N] [--init]
 * With --count N it prints N tokens, one per line, each for a new user (benchmarks with many students).
 */
public class DevToken {

    public static void main(String[] args) throws Exception {
        Path keys = Path.of(".keys");
        List<String> roles = new ArrayList<>();
        String tenant = "demo";
        String sub = UUID.randomUUID().toString();
        long ttl = 8 * 3600;
        String issuer = "https://qbank.dev/issuer";
        boolean initOnly = false;
        int count = 1;
        boolean fixedSub = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--keys" -> keys = Path.of(args[++i]);
                case "--role" -> roles.add(args[++i]);
                case "--tenant" -> tenant = args[++i];
                case "--sub" -> {
                    sub = UUID.fromString(args[++i]).toString();
                    fixedSub = true;
                }
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--ttl" -> ttl = Long.parseLong(args[++i]);
                case "--issuer" -> issuer = args[++i];
                case "--init" -> initOnly = true;
                default -> {
                    System.err.println("unknown argument " + args[i]
                            + "\nusage: DevToken [--keys DIR] [--role student|author|publisher|admin]... [--tenant T] [--sub UUID] [--ttl SECONDS] [--init]");
                    System.exit(2);
                }
            }
        }
        PrivateKey key = loadOrCreate(keys);
        if (initOnly) {
            System.out.println(keys.resolve("jwt-public.pem").toAbsolutePath());
            return;
        }
        for (int n = 0; n < count; n++) {
            System.out.println(mint(key, fixedSub || n == 0 ? sub : UUID.randomUUID().toString(), roles, tenant, ttl, issuer));
        }
    }

    private static String mint(PrivateKey key, String sub, List<String> roles, String tenant, long ttl, String issuer) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"qbank-dev\"}";
        StringBuilder groups = new StringBuilder();
        for (String role : roles) {
            groups.append(groups.isEmpty() ? "" : ",").append('"').append(json(role)).append('"');
        }
        String payload = "{\"iss\":\"" + json(issuer) + "\",\"aud\":\"qbank-api\",\"sub\":\"" + sub + "\",\"upn\":\"" + sub + "\",\"groups\":[" + groups
                + "],\"tenant\":\"" + json(tenant) + "\",\"iat\":" + now + ",\"exp\":" + (now + ttl) + ",\"jti\":\""
                + UUID.randomUUID() + "\"}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64(rsa.sign());
    }

    private static PrivateKey loadOrCreate(Path dir) throws Exception {
        Path privatePem = dir.resolve("jwt-private.pem");
        Path publicPem = dir.resolve("jwt-public.pem");
        if (!Files.exists(privatePem) || !Files.exists(publicPem)) {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            try {
                Files.setPosixFilePermissions(privatePem, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
        }
        String body = Files.readString(privatePem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
