package org.lstmlab.course;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares what two runs of the same notebook showed, cell by cell: every stream's text, every result's MIME data
 * (PNG bytes and a widget's view included) and every error, except wall-clock figures ({@link #wallClock}), which
 * measure the machine, and execution counts and metadata, which say when, not what; a stream is compared whole,
 * however the kernel's flushes cut it into outputs. Nothing else is masked: {@code ./lab run-notebooks} fixes the
 * check's seed and counts display and widget ids, so every other value of a run is the course's own.
 */
final class SameOutputs {
    /** A number in a unit of time or a rate per second ("trained in 6 s", "17.1 steps/s", "9914 ký tự/s"). */
    private static final Pattern DURATION =
            Pattern.compile("\\d+(\\.\\d+)? ?(s|ms|min|steps/s|characters/s|ký tự/s)(?=$|[^\\p{L}\\d])");

    /**
     * A table heading in seconds: it ends in " s" ("LSTM training s"), in "(s)" ("LSTM huấn luyện (s)"), or names
     * seconds ("training s per seed", "số giây huấn luyện mỗi seed").
     */
    private static final Pattern SECONDS_HEADING = Pattern.compile(".* s|.*\\(s\\)|.*\\bs per\\b.*|.*số giây.*");

    private SameOutputs() {}

    /**
     * Where the second run showed something else than the first: one line per cell that differs, naming the cell,
     * the output and the MIME type; empty when both showed the same.
     */
    static List<String> differences(String notebook, JsonObject first, JsonObject second) {
        List<String> found = new ArrayList<>();
        JsonArray a = Notebooks.cells(first);
        JsonArray b = Notebooks.cells(second);
        if (a.size() != b.size()) {
            found.add(notebook + ": " + a.size() + " cells, then " + b.size());
            return found;
        }
        for (int k = 0; k < a.size(); k++) {
            JsonObject cellA = a.get(k).getAsJsonObject();
            if (!cellA.get("cell_type").getAsString().equals("code")) continue;
            List<Map<String, String>> outA = outputs(cellA);
            List<Map<String, String>> outB = outputs(b.get(k).getAsJsonObject());
            String where = notebook + " cell " + (k + 1);
            if (outA.size() != outB.size()) {
                found.add(where + ": " + outA.size() + " outputs, then " + outB.size());
                continue;
            }
            for (int o = 0; o < outA.size(); o++) {
                for (String key : union(outA.get(o), outB.get(o))) {
                    String x = outA.get(o).get(key);
                    String y = outB.get(o).get(key);
                    if (x == null || !x.equals(y))
                        found.add(where + ", output " + (o + 1) + ", " + key + ": " + excerpt(x) + " | then | "
                                + excerpt(y));
                }
            }
        }
        return found;
    }

    /** Each output as its kind and content: stream name and text, MIME type and data, or error name and value. */
    private static List<Map<String, String>> outputs(JsonObject cell) {
        List<Map<String, String>> list = new ArrayList<>();
        JsonArray outputs = cell.getAsJsonArray("outputs");
        if (outputs == null) return list;
        for (JsonElement e : outputs) {
            JsonObject out = e.getAsJsonObject();
            Map<String, String> content = new TreeMap<>();
            content.put("output_type", out.get("output_type").getAsString());
            if (out.has("name")) {
                String key = "stream " + out.get("name").getAsString();
                Map<String, String> before = list.isEmpty() ? null : list.get(list.size() - 1);
                if (before != null && before.containsKey(key)) { // one stream, however the kernel's flushes cut it
                    before.put(key, before.get(key) + normal(out.get("text")));
                    continue;
                }
                content.put(key, normal(out.get("text")));
            }
            if (out.has("data")) {
                for (Map.Entry<String, JsonElement> d :
                        out.getAsJsonObject("data").entrySet()) {
                    content.put(d.getKey(), normal(d.getValue()));
                }
            }
            if (out.has("ename"))
                content.put("error", out.get("ename").getAsString() + ": " + normal(out.get("evalue")));
            list.add(content);
        }
        return list;
    }

    private static String normal(JsonElement e) {
        String text;
        if (e.isJsonPrimitive()) text = e.getAsString();
        else if (e.isJsonArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonElement line : e.getAsJsonArray()) b.append(line.getAsString());
            text = b.toString();
        } else text = e.toString(); // a widget's view
        return wallClock(text);
    }

    private static final Pattern HTML_ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern HTML_CELL = Pattern.compile("(<t[hd][^>]*>)(.*?)(</t[hd]>)", Pattern.DOTALL);

    /**
     * The one rule for what measures the machine: a number in a unit of time or a rate per second becomes "T unit",
     * and the cells of a table column whose heading is in seconds become "T", in text tables with "|" between cells
     * and in HTML tables.
     */
    static String wallClock(String text) {
        text = DURATION.matcher(text).replaceAll("T $2");
        java.util.Set<Integer> masked = new java.util.HashSet<>();
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.contains("|")) {
                String[] cells = line.split("\\|", -1);
                for (int k = 0; k < cells.length; k++) {
                    if (SECONDS_HEADING.matcher(cells[k].trim()).matches()) masked.add(k);
                    else if (masked.contains(k) && cells[k].trim().matches("[0-9.]+")) cells[k] = "T";
                }
                line = String.join("|", cells);
            } else if (!line.matches("[-=+ ]*")) { // a rule under the heading keeps the table going
                masked.clear();
            }
            out.append(line).append('\n');
        }
        String plain = out.substring(0, out.length() - 1);
        java.util.Set<Integer> columns = new java.util.HashSet<>();
        Matcher row = HTML_ROW.matcher(plain);
        StringBuilder html = new StringBuilder();
        while (row.find()) {
            Matcher cell = HTML_CELL.matcher(row.group(1));
            StringBuilder cells = new StringBuilder();
            int k = 0;
            while (cell.find()) {
                String value = cell.group(2);
                if (cell.group(1).startsWith("<th")
                        && SECONDS_HEADING.matcher(value.trim()).matches()) columns.add(k);
                else if (cell.group(1).startsWith("<td") && columns.contains(k)) value = "T";
                cell.appendReplacement(cells, Matcher.quoteReplacement(cell.group(1) + value + cell.group(3)));
                k++;
            }
            cell.appendTail(cells);
            row.appendReplacement(html, Matcher.quoteReplacement("<tr>" + cells + "</tr>"));
        }
        row.appendTail(html);
        return html.toString();
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        TreeMap<String, String> keys = new TreeMap<>(a);
        keys.putAll(b);
        return new ArrayList<>(keys.keySet());
    }

    private static String excerpt(String s) {
        if (s == null) return "(none)";
        String line = s.replace('\n', '⏎');
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
