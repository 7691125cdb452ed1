package org.openiru.ingest.telegram;

/**
 * A chat of a Telegram Desktop export: its numeric id, name, type ({@code public_channel},
 * {@code private_supergroup}, {@code personal_chat}, …) and, when known, its public username.
 */
record TelegramChat(String id, String name, String type, String username) {

    /** The id Telegram uses for this peer in {@code from_id}: {@code channel123}, {@code chat123} or {@code user123}. */
    String peerId() {
        if (type.endsWith("_channel") || type.endsWith("_supergroup")) {
            return "channel" + id;
        }
        return type.equals("private_group") ? "chat" + id : "user" + id;
    }

    /** Channels post as themselves; in groups and chats, each message has its own author. */
    boolean isChannel() {
        return type.endsWith("_channel");
    }

    String actorKind() {
        if (isChannel()) {
            return "channel";
        }
        return type.endsWith("group") ? "group" : "user";
    }

    /** Set only for chats that are public (or that the operator named), so a username means a t.me address. */
    boolean hasPublicAddress() {
        return username != null && !username.isEmpty();
    }
}
