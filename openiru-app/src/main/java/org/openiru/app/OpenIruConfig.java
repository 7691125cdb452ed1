package org.openiru.app;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The one typed configuration of a process. Values come from environment variables {@code OPENIRU_*}
 * and, below them in precedence, from an optional {@code openiru.properties} file whose keys are the same
 * names in lower case with dots ({@code OPENIRU_DB_URL} = {@code openiru.db.url}). Every value is checked
 * when the object is made, so a wrong setting stops the start with a message naming the key.
 */
public record OpenIruConfig(
        String host,
        int port,
        Path dataDir,
        Optional<String> dbUrl,
        String dbUser,
        String dbPassword,
        int workerThreads,
        Optional<URI> publicUrl,
        Optional<Oidc> oidc,
        int argon2MemoryKib,
        Duration sessionTtl,
        Optional<Mail> mail,
        List<String> outboundAllowedNetworks,
        Duration preservation,
        int retrainMinAssessments) {

    /**
     * The SMTP server that delivers referrals, orders and alerts; absent when {@code OPENIRU_SMTP_HOST} is
     * unset (e-mail deliveries then fail with an error naming that key, and are retried).
     *
     * @param starttls {@code required}, {@code optional} or {@code off}
     */
    public record Mail(String host, int port, String username, String password, String starttls, String from) {
        public static final List<String> STARTTLS = List.of("required", "optional", "off");
    }

    /** OpenID Connect login; present when {@code OPENIRU_OIDC_ISSUER} is set. */
    public record Oidc(URI issuer, String clientId, String clientSecret, String rolesClaim, String unitClaim,
                       String defaultUnit, String label) {
    }

    public static final String FILE_NAME = "openiru.properties";

    /** Reads the environment and {@code ./openiru.properties} (or the file named by {@code OPENIRU_CONFIG}). */
    public static OpenIruConfig load() {
        Map<String, String> env = System.getenv();
        Path file = Path.of(env.getOrDefault("OPENIRU_CONFIG", FILE_NAME));
        return from(env, readProperties(file));
    }

    public static OpenIruConfig from(Map<String, String> env, Properties file) {
        Source s = new Source(env, file);
        Optional<String> issuer = s.optional("OPENIRU_OIDC_ISSUER");
        Optional<Oidc> oidc = issuer.map(i -> new Oidc(
                s.uri("OPENIRU_OIDC_ISSUER", i),
                s.required("OPENIRU_OIDC_CLIENT_ID"),
                s.optional("OPENIRU_OIDC_CLIENT_SECRET").orElse(""),
                s.optional("OPENIRU_OIDC_ROLES_CLAIM").orElse("roles"),
                s.optional("OPENIRU_OIDC_UNIT_CLAIM").orElse("unit"),
                s.optional("OPENIRU_OIDC_DEFAULT_UNIT").orElse(""),
                s.optional("OPENIRU_OIDC_LABEL").orElse("Single sign-on")));
        return new OpenIruConfig(
                s.optional("OPENIRU_HOST").orElse("0.0.0.0"),
                s.integer("OPENIRU_PORT", 8080, 0, 65535),
                Path.of(s.optional("OPENIRU_DATA_DIR").orElse("openiru-data")).toAbsolutePath().normalize(),
                s.optional("OPENIRU_DB_URL").map(u -> s.jdbcUrl("OPENIRU_DB_URL", u)),
                s.optional("OPENIRU_DB_USER").orElse("postgres"),
                s.optional("OPENIRU_DB_PASSWORD").orElse(""),
                s.integer("OPENIRU_WORKER_THREADS", Math.max(2, Runtime.getRuntime().availableProcessors()), 0, 256),
                s.optional("OPENIRU_PUBLIC_URL").map(u -> s.uri("OPENIRU_PUBLIC_URL", u)),
                oidc,
                s.integer("OPENIRU_ARGON2_MEMORY_KIB", 19_456, 1024, 4_194_304),
                Duration.ofMinutes(s.integer("OPENIRU_SESSION_MINUTES", 480, 5, 43_200)),
                s.optional("OPENIRU_SMTP_HOST").map(host -> new Mail(host,
                        s.integer("OPENIRU_SMTP_PORT", 587, 1, 65535),
                        s.optional("OPENIRU_SMTP_USER").orElse(""),
                        s.optional("OPENIRU_SMTP_PASSWORD").orElse(""),
                        s.oneOf("OPENIRU_SMTP_STARTTLS", "required", Mail.STARTTLS),
                        s.optional("OPENIRU_MAIL_FROM").orElse("openiru@" + host))),
                s.networks("OPENIRU_OUTBOUND_ALLOW"),
                Duration.ofDays(s.integer("OPENIRU_PRESERVATION_DAYS", 183, 1, 36_500)),
                s.integer("OPENIRU_RETRAIN_MIN_ASSESSMENTS", 50, 0, 1_000_000));
    }

    public OpenIruConfig withPort(int newPort) {
        return new OpenIruConfig(host, newPort, dataDir, dbUrl, dbUser, dbPassword, workerThreads, publicUrl, oidc,
                argon2MemoryKib, sessionTtl, mail, outboundAllowedNetworks, preservation,
                retrainMinAssessments);
    }

    public OpenIruConfig withDataDir(Path dir) {
        return new OpenIruConfig(host, port, dir.toAbsolutePath().normalize(), dbUrl, dbUser, dbPassword,
                workerThreads, publicUrl, oidc, argon2MemoryKib, sessionTtl, mail, outboundAllowedNetworks, preservation,
                retrainMinAssessments);
    }

    public OpenIruConfig withOidc(Oidc newOidc) {
        return new OpenIruConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, workerThreads, publicUrl,
                Optional.ofNullable(newOidc), argon2MemoryKib, sessionTtl, mail, outboundAllowedNetworks, preservation,
                retrainMinAssessments);
    }

    public OpenIruConfig withMail(Mail newMail) {
        return new OpenIruConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, workerThreads, publicUrl, oidc,
                argon2MemoryKib, sessionTtl, Optional.ofNullable(newMail), outboundAllowedNetworks, preservation,
                retrainMinAssessments);
    }

    public OpenIruConfig withOutboundAllowed(List<String> networks) {
        return new OpenIruConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, workerThreads, publicUrl, oidc,
                argon2MemoryKib, sessionTtl, mail, List.copyOf(networks), preservation,
                retrainMinAssessments);
    }

    private static Properties readProperties(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException(file + ": cannot be read: " + e.getMessage());
            }
        }
        return p;
    }

    private static final Pattern CIDR = Pattern.compile("^([0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*)/[0-9]{1,3}$");

    /** Looks a key up in the environment first, then in the properties file. */
    private record Source(Map<String, String> env, Properties file) {
        Optional<String> optional(String key) {
            String v = env.get(key);
            if (v == null) {
                v = file.getProperty(key.toLowerCase(Locale.ROOT).replace('_', '.'));
            }
            return Optional.ofNullable(v).map(String::strip).filter(x -> !x.isEmpty());
        }

        String required(String key) {
            return optional(key).orElseThrow(() -> new ConfigException(key + " must be set"));
        }

        int integer(String key, int dflt, int min, int max) {
            Optional<String> v = optional(key);
            if (v.isEmpty()) {
                return dflt;
            }
            try {
                int n = Integer.parseInt(v.get());
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // reported below with the accepted range
            }
            throw new ConfigException(key + "=" + v.get() + " is not valid: expected a whole number from "
                    + min + " to " + max);
        }

        String oneOf(String key, String dflt, List<String> allowed) {
            String v = optional(key).orElse(dflt).toLowerCase(Locale.ROOT);
            if (!allowed.contains(v)) {
                throw new ConfigException(key + "=" + v + " is not valid: expected one of " + String.join(", ", allowed));
            }
            return v;
        }

        /** Comma-separated CIDR blocks (e.g. {@code 127.0.0.0/8, ::1/128}), checked for form. */
        List<String> networks(String key) {
            List<String> out = new ArrayList<>();
            for (String part : optional(key).orElse("").split(",")) {
                String n = part.strip();
                if (n.isEmpty()) {
                    continue;
                }
                if (!CIDR.matcher(n).matches()) {
                    throw new ConfigException(key + ": '" + n
                            + "' is not valid: expected an address block like 127.0.0.0/8 or ::1/128");
                }
                out.add(n);
            }
            return List.copyOf(out);
        }

        URI uri(String key, String value) {
            try {
                URI u = URI.create(value);
                if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
                    return u;
                }
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
            throw new ConfigException(key + "=" + value + " is not valid: expected an http:// or https:// URL");
        }

        String jdbcUrl(String key, String value) {
            if (!value.startsWith("jdbc:postgresql://")) {
                throw new ConfigException(key + "=" + value
                        + " is not valid: expected jdbc:postgresql://HOST[:PORT]/DATABASE");
            }
            return value;
        }
    }
}
