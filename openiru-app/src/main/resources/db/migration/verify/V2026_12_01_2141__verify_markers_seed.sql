-- The first "gone" markers. Supervisors edit them on /verify/markers. The note says how sure the wording is:
-- texts marked [synthetic] were not checked against the live site and must be before they are trusted.
INSERT INTO verify_gone_markers (host_pattern, kind, pattern, label, note) VALUES
('*', 'status', '404,410', 'Not found or gone (HTTP 404, 410)', 'HTTP status codes (RFC 9110).'),
('t.me', 'body', 'be displayed because it', 'Telegram: channel blocked',
 'Telegram''s notice on a blocked channel ("This channel can''t be displayed because it ..."); the words around the apostrophe are left out so both apostrophe forms match.'),
('telegram.me', 'body', 'be displayed because it', 'Telegram: channel blocked',
 'As for t.me.'),
('t.me', 'body', 'Post not found', 'Telegram: post removed',
 '[synthetic] wording not verified against t.me: check a removed post''s page before relying on it.'),
('youtube.com', 'body', 'This video has been removed', 'YouTube: video removed',
 'Start of YouTube''s removal notices ("This video has been removed for violating ...", "... by the uploader").'),
('youtube.com', 'body', 'This video isn''t available anymore', 'YouTube: video unavailable',
 '[synthetic] wording not verified against youtube.com.'),
('facebook.com', 'body', 'This content isn''t available right now', 'Facebook: content not available',
 'Facebook''s page for removed or restricted content.'),
('instagram.com', 'body', 'Sorry, this page isn''t available', 'Instagram: page not available',
 'Instagram''s page for removed posts and accounts.'),
('twitter.com', 'redirect', '/account/suspended', 'X/Twitter: account suspended',
 'Redirect target of a suspended account.'),
('x.com', 'redirect', '/account/suspended', 'X/Twitter: account suspended',
 'As for twitter.com.'),
('tiktok.com', 'body', 'Video currently unavailable', 'TikTok: video unavailable',
 '[synthetic] wording not verified against tiktok.com.');
