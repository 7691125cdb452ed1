package org.openiru.delivery;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import org.openiru.app.OpenIruConfig;

/**
 * Sends a delivery as an e-mail over the configured SMTP server: its text, and its attachments (the
 * referral's CSV, an order's PDF). A batch keeps one SMTP connection open for all its messages.
 */
final class EmailChannel implements Channel {
    private static final int TIMEOUT_MS = 10_000;
    private final Optional<OpenIruConfig.Mail> mail;
    private final Session session;

    EmailChannel(Optional<OpenIruConfig.Mail> mail) {
        this.mail = mail;
        this.session = mail.map(EmailChannel::session).orElse(null);
    }

    private static Session session(OpenIruConfig.Mail m) {
        Properties p = new Properties();
        p.put("mail.smtp.host", m.host());
        p.put("mail.smtp.port", String.valueOf(m.port()));
        p.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT_MS));
        p.put("mail.smtp.timeout", String.valueOf(TIMEOUT_MS));
        p.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT_MS));
        p.put("mail.smtp.auth", String.valueOf(!m.username().isEmpty()));
        p.put("mail.smtp.starttls.enable", String.valueOf(!m.starttls().equals("off")));
        p.put("mail.smtp.starttls.required", String.valueOf(m.starttls().equals("required")));
        return Session.getInstance(p);
    }

    @Override
    public Batch begin() {
        return new SmtpBatch();
    }

    /** One SMTP connection, opened at the first message and reopened after an error. */
    private final class SmtpBatch implements Batch {
        private Transport transport;

        @Override
        public String send(Deliveries.Claimed d) throws Failure {
            OpenIruConfig.Mail m = mail.orElseThrow(() -> new Failure("No SMTP server is configured: set "
                    + "OPENIRU_SMTP_HOST (and OPENIRU_SMTP_PORT, OPENIRU_SMTP_STARTTLS, OPENIRU_MAIL_FROM)"));
            MimeMessage message;
            InternetAddress[] to;
            try {
                to = InternetAddress.parse(d.recipient(), true);
                if (to.length == 0) {
                    throw new AddressException("no address");
                }
            } catch (AddressException e) {
                throw new Failure("Not valid e-mail recipients: '" + d.recipient() + "' (" + e.getMessage() + ")", e);
            }
            try {
                message = message(m, d, to);
            } catch (MessagingException e) {
                throw new Failure("Cannot build the message: " + e.getMessage(), e);
            }
            try {
                if (transport == null || !transport.isConnected()) {
                    close();
                    transport = session.getTransport("smtp");
                    transport.connect(m.host(), m.port(), m.username().isEmpty() ? null : m.username(),
                            m.username().isEmpty() ? null : m.password());
                }
                transport.sendMessage(message, to);
                return "Sent to " + to.length + " recipient(s) via " + m.host() + ":" + m.port();
            } catch (MessagingException e) {
                close();
                throw new Failure(describe(m, e), e);
            }
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // the connection is dropped either way
                }
                transport = null;
            }
        }
    }

    private MimeMessage message(OpenIruConfig.Mail m, Deliveries.Claimed d, InternetAddress[] to)
            throws MessagingException {
        MimeMessage msg = new StableIdMessage(session, messageId(d.key(), m.from()));
        msg.setFrom(new InternetAddress(m.from()));
        msg.setRecipients(Message.RecipientType.TO, to);
        msg.setSubject(d.subject(), "UTF-8");
        msg.setHeader(WebhookChannel.DELIVERY_HEADER, d.key());
        String text = d.text() == null ? "" : d.text();
        if (d.attachments().isEmpty()) {
            msg.setText(text, "UTF-8");
        } else {
            MimeMultipart parts = new MimeMultipart();
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, "UTF-8");
            parts.addBodyPart(body);
            for (Outgoing.Attachment a : d.attachments()) {
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(a.content(),
                        a.mediaType())));
                file.setFileName(a.fileName());
                // Base64 keeps the file's bytes as they are (text parts would have their line ends rewritten).
                file.setHeader("Content-Transfer-Encoding", "base64");
                parts.addBodyPart(file);
            }
            msg.setContent(parts);
        }
        msg.saveChanges();
        return msg;
    }

    private static String describe(OpenIruConfig.Mail m, MessagingException e) {
        String s = "SMTP " + m.host() + ":" + m.port() + ": " + e.getMessage();
        if (m.starttls().equals("required") && String.valueOf(e.getMessage()).contains("STARTTLS")) {
            s += " (OPENIRU_SMTP_STARTTLS=required: the server must offer STARTTLS; set it to optional or off only "
                    + "for a server on a trusted network)";
        }
        return s;
    }

    /**
     * The same Message-ID for every try of one delivery, so a receiver can drop the copy that a crash between
     * sending and recording it causes.
     */
    static String messageId(String key, String from) {
        int at = from.lastIndexOf('@');
        String domain = at < 0 || at == from.length() - 1 ? "openiru.invalid" : from.substring(at + 1);
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(h, 0, 16) + ".delivery@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java 17 runtime", e);
        }
    }

    /** A message whose Message-ID is ours rather than a fresh random one at each send. */
    private static final class StableIdMessage extends MimeMessage {
        private final String id;

        StableIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
