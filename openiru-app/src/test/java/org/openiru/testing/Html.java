package org.openiru.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers for tests that read pages and post forms without a browser. */
public final class Html {
    private Html() {
    }

    /** The value of the first {@code <input name="NAME" value="…">} on the page. */
    public static String inputValue(String html, String name) {
        Matcher m = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"")
                .matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("No input " + name + " on the page");
        }
        return m.group(1);
    }

    /**
     * The value of input {@code name} in the form posting to {@code action}; needed where the layout's own
     * forms (e.g. the language switch) come first with a field of the same name.
     */
    public static String inputValueInForm(String html, String action, String name) {
        int form = html.indexOf("action=\"" + action + "\"");
        if (form < 0) {
            throw new IllegalStateException("No form posting to " + action + " on the page");
        }
        return inputValue(html.substring(form), name);
    }

    /** An application/x-www-form-urlencoded body from name, value pairs. */
    public static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }
}
