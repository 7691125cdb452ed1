package org.openiru.delivery;

import java.util.List;

/**
 * One thing to send on one channel, as the feature that decided to send it describes it.
 *
 * @param key        unique per thing and channel (e.g. {@code referral:42:email}); adding the same key twice
 *                   adds nothing, which is what makes a retried decision safe
 * @param channel    {@code email} or {@code webhook}
 * @param purpose    {@code platform} (its success stamps the referral's receipt) or {@code alert}
 * @param recipient  e-mail addresses separated by commas, or the webhook URL
 * @param json       the webhook body; null for e-mail
 */
public record Outgoing(String key, String channel, String purpose, Long platformId, Long referralId, String recipient,
                       String subject, String text, String json, List<Attachment> attachments) {

    public record Attachment(String fileName, String mediaType, byte[] content) {
    }
}
