package org.lstmlab.kernel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

/**
 * The cells this kernel ran, for Jupyter's {@code history_request} (a console's up-arrow, IPython's
 * {@code %history}): kept in memory for the kernel's life, as one session numbered {@link #SESSION}.
 * Requests for other sessions get an empty list; every request gets a reply.
 *
 * <p>The reply's {@code history} is a list of {@code [session, line, input]} (with output:
 * {@code [session, line, [input, output]]}), as the messaging protocol has it; {@link #replyContent}
 * builds it, since the base library would send each entry as a JSON object.
 */
final class SessionHistory implements HistoryManager {

    /** The number of the one session this kernel knows: its own. */
    static final int SESSION = 1;

    private record Cell(int number, String input, String output) {}

    private final List<Cell> cells = new ArrayList<>();

    /**
     * Records a cell that ran.
     *
     * @param number its execution count
     * @param input its code
     * @param output its value as text/plain, or null when it showed none
     */
    synchronized void add(int number, String input, String output) {
        cells.add(new Cell(number, input, output));
    }

    /** Cells {@code start ≤ n < stop} of the session ({@code stop ≤ 0}: to the end); 0 and 1 are this session. */
    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        List<HistoryEntry> found = new ArrayList<>();
        if (session != 0 && session != SESSION) {
            return found;
        }
        for (Cell cell : cells) {
            if (cell.number >= start && (stop <= 0 || cell.number < stop)) {
                found.add(entry(cell, flags));
            }
        }
        return found;
    }

    /** The last {@code n} cells (all of them when {@code n ≤ 0}). */
    @Override
    public synchronized List<HistoryEntry> lookupTail(int n, Set<ResultFlag> flags) {
        return last(cells, n, flags);
    }

    /**
     * The last {@code n} cells whose code matches a glob ({@code *} any text, {@code ?} one character),
     * with {@link ResultFlag#UNIQUE} only the latest of equal inputs.
     */
    @Override
    public synchronized List<HistoryEntry> search(String pattern, int n, Set<ResultFlag> flags) {
        Pattern glob = glob(pattern == null || pattern.isEmpty() ? "*" : pattern);
        List<Cell> matching = new ArrayList<>();
        for (Cell cell : cells) {
            if (glob.matcher(cell.input).matches()) {
                matching.add(cell);
            }
        }
        if (flags.contains(ResultFlag.UNIQUE)) {
            Map<String, Cell> latest = new LinkedHashMap<>();
            for (Cell cell : matching) {
                latest.remove(cell.input);
                latest.put(cell.input, cell);
            }
            matching = new ArrayList<>(latest.values());
        }
        return last(matching, n, flags);
    }

    /** The entries a {@code history_request} asks for. */
    List<HistoryEntry> answer(HistoryRequest request) {
        Set<ResultFlag> flags = EnumSet.noneOf(ResultFlag.class);
        if (request.includeOutput()) {
            flags.add(ResultFlag.INCLUDE_OUTPUT);
        }
        if (request instanceof HistoryRequest.Range range) {
            return lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
        }
        if (request instanceof HistoryRequest.Search search) {
            if (search.filterUnique()) {
                flags.add(ResultFlag.UNIQUE);
            }
            return search(search.getPattern(), search.getMaxReturnLength(), flags);
        }
        return lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength(), flags);
    }

    /**
     * The content of a {@code history_reply}.
     *
     * @param entries what was found
     * @return {@code status} ok and {@code history} as protocol tuples
     */
    static Map<String, Object> replyContent(List<HistoryEntry> entries) {
        List<List<Object>> tuples = new ArrayList<>();
        for (HistoryEntry entry : entries) {
            Object input = entry.hasOutput() ? List.of(entry.getInput(), entry.getOutput()) : entry.getInput();
            tuples.add(List.of(entry.getSession(), entry.getCellNumber(), input));
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("status", "ok");
        content.put("history", tuples);
        return content;
    }

    private static List<HistoryEntry> last(List<Cell> from, int n, Set<ResultFlag> flags) {
        int first = n <= 0 ? 0 : Math.max(0, from.size() - n);
        List<HistoryEntry> found = new ArrayList<>();
        for (Cell cell : from.subList(first, from.size())) {
            found.add(entry(cell, flags));
        }
        return found;
    }

    private static HistoryEntry entry(Cell cell, Set<ResultFlag> flags) {
        String output = flags.contains(ResultFlag.INCLUDE_OUTPUT) ? cell.output : null;
        return new HistoryEntry(SESSION, cell.number, cell.input, output);
    }

    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
