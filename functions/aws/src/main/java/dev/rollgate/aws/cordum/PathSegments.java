package dev.rollgate.aws.cordum;

import java.nio.charset.StandardCharsets;

/** Percent-encodes one URL path segment (RFC 3986 unreserved characters stay as they are). */
final class PathSegments {
    private PathSegments() {
    }

    static String encode(String segment) {
        if (segment.isEmpty()) {
            throw new IllegalArgumentException("a Cordum id in the URL path must not be empty");
        }
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
