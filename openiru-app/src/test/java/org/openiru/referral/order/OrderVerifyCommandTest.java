package org.openiru.referral.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openiru.app.OpenIru;
import org.openiru.cli.Main;
import org.openiru.testing.FreshDatabase;

/** {@code openiru order verify}: offline, with the files a platform keeps; one changed byte fails. */
@ExtendWith(FreshDatabase.class)
class OrderVerifyCommandTest {
    @Test
    void verifiesTheSignedPdfAndRefusesATamperedOne(OpenIru app, @TempDir Path dir) throws Exception {
        OrderFixture f = new OrderFixture(app, "cli", "NL", "");
        Order o = f.order(f.issue(f.approvedItems("cli", 1), "[synthetic] emergency"));
        byte[] bytes = app.removalOrders.orders.pdf(o);
        Path pdf = Files.write(dir.resolve("order.pdf"), bytes);
        Path signature = Files.writeString(dir.resolve("signature.json"), "{\"keyId\":\"" + o.annex().keyId()
                + "\",\"signature\":\"" + o.annex().signature() + "\"}");
        Path key = Files.writeString(dir.resolve("key.pem"), app.removalOrders.keys.publicKey(f.unit.id())
                .orElseThrow().pem());

        assertThat(Main.run("order", "verify", "--pdf", pdf.toString(), "--signature", signature.toString(), "--key",
                key.toString())).isZero();
        assertThat(Main.run("order", "verify", "--pdf", pdf.toString(), "--signature", o.annex().signature(), "--key",
                key.toString())).as("the signature given inline").isZero();

        bytes[bytes.length / 2] ^= 1;
        Path tampered = Files.write(dir.resolve("tampered.pdf"), bytes);
        assertThat(Main.run("order", "verify", "--pdf", tampered.toString(), "--signature", signature.toString(),
                "--key", key.toString())).isEqualTo(1);
        assertThat(Main.run("order", "verify", "--pdf", pdf.toString(), "--signature", signature.toString(),
                "--key", "not a key")).isEqualTo(2);
    }
}
