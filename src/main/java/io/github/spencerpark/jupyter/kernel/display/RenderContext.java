package io.github.spencerpark.jupyter.kernel.display;

import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** What one rendering asks for (the MIME types wanted) and collects (MIME type to data). */
public final class RenderContext {

    private final Set<MIMEType> requested;
    private final Map<String, String> data = new LinkedHashMap<>();

    RenderContext(Set<MIMEType> requested) {
        this.requested = Set.copyOf(requested);
    }

    /** Whether this rendering wants the type. */
    public boolean wantsDataRenderedAs(MIMEType type) {
        return requested.contains(type);
    }

    /**
     * Puts the supplier's data under the type when this rendering wants the type.
     *
     * @param type the MIME type the data is
     * @param data made only when wanted; its {@code toString()} is the content
     * @return whether the data was made
     */
    public boolean renderIfRequested(MIMEType type, Supplier<?> data) {
        if (!wantsDataRenderedAs(type)) {
            return false;
        }
        this.data.put(type.toString(), String.valueOf(data.get()));
        return true;
    }

    /** Puts data under a type whatever was requested. */
    public void putData(MIMEType type, Object content) {
        data.put(type.toString(), String.valueOf(content));
    }

    Map<String, String> data() {
        return data;
    }
}
