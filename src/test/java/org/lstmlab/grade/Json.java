package org.lstmlab.grade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A strict little JSON reader for the tests: objects become maps, arrays lists, numbers doubles. */
final class Json {
    private final String s;
    private int at;

    private Json(String s) {
        this.s = s;
    }

    static Object parse(String text) {
        Json j = new Json(text);
        Object v = j.value();
        j.space();
        if (j.at != text.length()) throw new IllegalArgumentException("trailing text at " + j.at);
        return v;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String text) {
        return (Map<String, Object>) parse(text);
    }

    private Object value() {
        space();
        char c = s.charAt(at);
        if (c == '{') return obj();
        if (c == '[') return arr();
        if (c == '"') return str();
        if (s.startsWith("true", at)) {
            at += 4;
            return true;
        }
        if (s.startsWith("false", at)) {
            at += 5;
            return false;
        }
        if (s.startsWith("null", at)) {
            at += 4;
            return null;
        }
        int start = at;
        while (at < s.length() && "+-0123456789.eE".indexOf(s.charAt(at)) >= 0) at++;
        if (start == at) throw new IllegalArgumentException("unexpected '" + c + "' at " + at);
        return Double.parseDouble(s.substring(start, at));
    }

    private Map<String, Object> obj() {
        Map<String, Object> m = new LinkedHashMap<>();
        at++;
        space();
        if (s.charAt(at) == '}') {
            at++;
            return m;
        }
        while (true) {
            space();
            String k = str();
            space();
            expect(':');
            m.put(k, value());
            space();
            if (s.charAt(at) == ',') {
                at++;
                continue;
            }
            expect('}');
            return m;
        }
    }

    private List<Object> arr() {
        List<Object> l = new ArrayList<>();
        at++;
        space();
        if (s.charAt(at) == ']') {
            at++;
            return l;
        }
        while (true) {
            l.add(value());
            space();
            if (s.charAt(at) == ',') {
                at++;
                continue;
            }
            expect(']');
            return l;
        }
    }

    private String str() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = s.charAt(at++);
            if (c == '"') return b.toString();
            if (c < 0x20) throw new IllegalArgumentException("raw control character in a string at " + at);
            if (c == '\\') {
                char e = s.charAt(at++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
                        at += 4;
                    }
                    case '"', '\\', '/' -> b.append(e);
                    default -> throw new IllegalArgumentException("bad escape \\" + e);
                }
            } else {
                b.append(c);
            }
        }
    }

    private void expect(char c) {
        if (s.charAt(at) != c)
            throw new IllegalArgumentException("expected '" + c + "' at " + at + " but found '" + s.charAt(at) + "'");
        at++;
    }

    private void space() {
        while (at < s.length() && Character.isWhitespace(s.charAt(at))) at++;
    }
}
