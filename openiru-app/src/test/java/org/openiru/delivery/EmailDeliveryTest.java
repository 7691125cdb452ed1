package org.openiru.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openiru.app.OpenIru;
import org.openiru.app.OpenIruConfig;
import org.openiru.testing.FreshDatabase;
import org.openiru.testing.TestClock;

/** E-mail deliveries against an in-process SMTP server (GreenMail) that really receives them. */
@ExtendWith(FreshDatabase.class)
class EmailDeliveryTest {
    private static GreenMail smtp;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    private static OpenIruConfig.Mail mail(String starttls) {
        return new OpenIruConfig.Mail("127.0.0.1", smtp.getSmtp().getPort(), "", "", starttls, "iru@unit.example");
    }

    private static DeliveryWorkers workers(OpenIru app, Optional<OpenIruConfig.Mail> mail) {
        return DeliveryWorkers.of(app.deliveries, mail, app.verify.http, app.clock, 0);
    }

    @Test
    void aReferralIsMailedWithItsCsvAndItsReceiptIsStamped(OpenIru app) throws Exception {
        long platform = DeliveryFixture.platform(app, "mail-osp", "");
        long referral = DeliveryFixture.referral(app, platform, "REF-MAIL-1");
        String csv = "url,categories\nhttps://mail-osp.example/p/1,a\nhttps://mail-osp.example/p/2,\"a,c\"\n";
        String key = "referral:" + referral + ":email";
        long id = DeliveryFixture.add(app, new Outgoing(key, "email", "platform", platform, referral,
                "abuse@mail-osp.example, second@mail-osp.example", "Referral REF-MAIL-1 [synthetic]",
                "Dear platform,\nplease review 2 items. نص عربي\n", null, List.of(new Outgoing.Attachment(
                "REF-MAIL-1.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))));
        int before = smtp.getReceivedMessages().length;

        assertThat(workers(app, Optional.of(mail("off"))).runOnce()).isEqualTo(1);

        assertThat(smtp.waitForIncomingEmail(5000, before + 2)).isTrue();
        MimeMessage got = smtp.getReceivedMessages()[before];
        assertThat(got.getSubject()).isEqualTo("Referral REF-MAIL-1 [synthetic]");
        assertThat(got.getMessageID()).isEqualTo(EmailChannel.messageId(key, "iru@unit.example"))
                .endsWith(".delivery@unit.example>");
        assertThat(got.getHeader(WebhookChannel.DELIVERY_HEADER, null)).isEqualTo(key);
        MimeMultipart parts = (MimeMultipart) got.getContent();
        assertThat((String) parts.getBodyPart(0).getContent()).contains("please review 2 items. نص عربي");
        BodyPart file = parts.getBodyPart(1);
        assertThat(file.getFileName()).isEqualTo("REF-MAIL-1.csv");
        assertThat(new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(csv);
        assertThat(GreenMailUtil.getAddressList(got.getAllRecipients()))
                .contains("abuse@mail-osp.example").contains("second@mail-osp.example");

        Map<String, Object> row = DeliveryFixture.row(app, id);
        assertThat(row).containsEntry("status", "sent").containsEntry("attempts", 1);
        assertThat(DeliveryFixture.attempts(app, id)).singleElement()
                .satisfies(a -> assertThat(a.ok()).isTrue())
                .satisfies(a -> assertThat(a.detail()).contains("2 recipient(s)"));
        Map<String, Object> receipt = DeliveryFixture.receipt(app, referral);
        assertThat(receipt).containsEntry("received_via", "email");
        assertThat(DeliveryFixture.instant(receipt.get("received_at"))).isEqualTo(
                DeliveryFixture.instant(row.get("sent_at")));
    }

    @Test
    void withoutAnSmtpServerTheAttemptNamesTheSettingAndIsRetriedLater(OpenIru app, TestClock clock) {
        long platform = DeliveryFixture.platform(app, "nomail-osp", "");
        long id = DeliveryFixture.add(app, new Outgoing("alert:nomail", "email", "alert", platform, null,
                "supervisors@unit.example", "[synthetic] alert", "text", null, List.of()));
        Instant before = clock.instant();

        workers(app, Optional.empty()).runOnce();

        Map<String, Object> row = DeliveryFixture.row(app, id);
        assertThat(row).containsEntry("status", "pending").containsEntry("attempts", 1);
        assertThat(DeliveryFixture.instant(row.get("next_attempt_at")))
                .isAfterOrEqualTo(before.plus(Deliveries.FIRST_RETRY));
        assertThat(DeliveryFixture.attempts(app, id)).singleElement()
                .satisfies(a -> assertThat(a.ok()).isFalse())
                .satisfies(a -> assertThat(a.detail()).contains("OPENIRU_SMTP_HOST"));
        assertThat(workers(app, Optional.empty()).runOnce()).as("not due before the backoff").isZero();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(workers(app, Optional.empty()).runOnce()).isPositive();
        assertThat(DeliveryFixture.row(app, id)).containsEntry("attempts", 2);
    }

    @Test
    void starttlsRequiredAgainstAServerWithoutItFailsWithAClearError(OpenIru app) {
        long platform = DeliveryFixture.platform(app, "tls-osp", "");
        long id = DeliveryFixture.add(app, new Outgoing("alert:tls", "email", "alert", platform, null,
                "supervisors@unit.example", "[synthetic] alert", "text", null, List.of()));
        int before = smtp.getReceivedMessages().length;

        workers(app, Optional.of(mail("required"))).runOnce();

        assertThat(DeliveryFixture.attempts(app, id)).singleElement()
                .satisfies(a -> assertThat(a.ok()).isFalse())
                .satisfies(a -> assertThat(a.detail()).contains("STARTTLS").contains("OPENIRU_SMTP_STARTTLS=required"));
        assertThat(smtp.getReceivedMessages()).hasSize(before);
        assertThat(DeliveryFixture.row(app, id)).containsEntry("status", "pending");
    }
}
