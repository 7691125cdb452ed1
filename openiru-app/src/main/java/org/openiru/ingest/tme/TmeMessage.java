package org.openiru.ingest.tme;

import java.time.Instant;
import java.util.List;
import org.openiru.ingest.url.Outlink;

/**
 * One message widget of a public channel page. {@code forwardedFromHandle} is the origin's username when the
 * page links to it (null for hidden origins, which show only a name); {@code text} is empty for media-only
 * messages; {@code html} is the widget as served, kept as the item's raw record.
 */
record TmeMessage(String channel, String channelTitle, long id, Instant postedAt, String text, String forwardedFromName,
                  String forwardedFromHandle, List<String> photoUrls, List<String> videoUrls, String views,
                  List<Outlink> outlinks, String html) {
}
