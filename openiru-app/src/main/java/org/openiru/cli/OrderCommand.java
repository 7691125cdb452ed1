package org.openiru.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openiru.app.Json;
import org.openiru.referral.order.SigningKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Removal orders from the command line. */
@Command(name = "order", mixinStandardHelpOptions = true, description = "Removal orders.",
        subcommands = OrderCommand.Verify.class)
class OrderCommand {
    /** Checks an order's PDF against its signature and the unit's public key; needs no database or server. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check that a removal order's PDF is the one the unit signed: exit 0 if the Ed25519 "
                    + "signature is valid, 1 if not (the file was changed or the key is another), 2 on unreadable input.")
    static class Verify implements Callable<Integer> {
        @Option(names = "--pdf", required = true, paramLabel = "FILE", description = "The order's PDF as received.")
        Path pdf;

        @Option(names = "--signature", required = true, paramLabel = "S", description = "The signature in base64, "
                + "or a file holding it (or the JSON of GET /api/v1/orders/{id}/signature).")
        String signature;

        @Option(names = "--key", required = true, paramLabel = "K", description = "The unit's public key: a PEM "
                + "file, base64, or the JSON of GET /api/v1/units/{slug}/signing-key.")
        String key;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                byte[] document = Files.readAllBytes(pdf);
                boolean valid = SigningKeys.verify(document, read(signature, "signature"), read(key, "pem"));
                out.println(valid ? "Signature valid: " + pdf + " is the order as signed."
                        : "Signature INVALID: " + pdf + " was changed after signing, or was signed with another key.");
                out.flush();
                return valid ? 0 : 1;
            } catch (IOException | IllegalArgumentException e) {
                err.println("openiru: " + e.getMessage());
                err.flush();
                return 2;
            }
        }

        /** The value itself, or the content of the file it names; from JSON, its {@code field}. */
        private static String read(String value, String field) throws IOException {
            Path p = Path.of(value);
            String text = value.length() < 4096 && Files.isRegularFile(p)
                    ? Files.readString(p, StandardCharsets.UTF_8).strip() : value.strip();
            if (text.startsWith("{")) {
                JsonNode n = Json.MAPPER.readTree(text).get(field);
                if (n == null) {
                    throw new IllegalArgumentException(value + ": the JSON has no \"" + field + "\"");
                }
                return n.asText();
            }
            return text;
        }
    }
}
