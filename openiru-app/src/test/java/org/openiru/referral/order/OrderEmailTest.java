package org.openiru.referral.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openiru.app.OpenIru;
import org.openiru.app.OpenIruConfig;
import org.openiru.delivery.DeliveryWorkers;
import org.openiru.testing.FreshDatabase;
import org.openiru.testing.TestClock;

/**
 * The removal-order acceptance test with the real sender and an in-process SMTP server: the order is mailed with
 * its signed PDF, the confirmed delivery is the receipt that starts the hour, and after the hour the breach alert
 * reaches the supervisor's mailbox.
 */
@ExtendWith(FreshDatabase.class)
class OrderEmailTest {
    @Test
    void theOrderIsMailedItsDeliveryStartsTheClockAndTheBreachAlertReachesTheSupervisor(OpenIru app, TestClock clock)
            throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        OpenIruConfig.Mail mail = new OpenIruConfig.Mail("127.0.0.1", smtp.getSmtp().getPort(), "", "", "off",
                "iru@unit.example");
        try (DeliveryWorkers sender = DeliveryWorkers.of(app.deliveries, Optional.of(mail), app.verify.http, clock, 1)
                .start()) {
            OrderFixture f = new OrderFixture(app, "mail", "NL", "");
            long id = f.issue(f.approvedItems("mail", 1), "[synthetic] emergency");
            Order o = f.order(id);
            assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();
            MimeMessage order = smtp.getReceivedMessages()[0];
            assertThat(order.getSubject()).contains(o.reference());
            MimeMultipart parts = (MimeMultipart) order.getContent();
            assertThat((String) parts.getBodyPart(0).getContent()).contains(o.annex().signature());
            byte[] pdf = parts.getBodyPart(1).getInputStream().readAllBytes();
            assertThat(parts.getBodyPart(1).getFileName()).isEqualTo(o.pdfName());
            String key = app.removalOrders.keys.publicKey(f.unit.id()).orElseThrow().pem();
            assertThat(SigningKeys.verify(pdf, o.annex().signature(), key)).isTrue();

            long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (f.order(id).receivedAt() == null && System.nanoTime() < giveUp) {
                Thread.sleep(100);
            }
            assertThat(f.order(id).receivedVia()).as("the confirmed delivery is the receipt").isEqualTo("email");
            assertThat(f.order(id).clock(clock.instant()).state()).isEqualTo(OrderClock.State.RUNNING);

            clock.advance(Duration.ofMinutes(61));
            assertThat(app.removalOrders.breaches.run()).isEqualTo(1);
            assertThat(smtp.waitForIncomingEmail(30_000, 2)).isTrue();
            MimeMessage alert = smtp.getReceivedMessages()[1];
            assertThat(alert.getSubject()).isEqualTo("Deadline missed: removal order " + o.reference());
            assertThat(Arrays.stream(alert.getAllRecipients()).map(Object::toString))
                    .containsExactly("mail-boss@unit.example");
        } finally {
            smtp.stop();
        }
    }
}
