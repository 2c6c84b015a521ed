package io.github.spencerpark.jupyter.kernel.display;

import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * IJava's renderer: registrations of how to show objects of a type, asked (the latest first) before the
 * kernel's own rendering for a cell's value and for {@code display(...)}.
 *
 * <pre>{@code
 * IJava.getKernelInstance().getRenderer()
 *         .createRegistration(Point.class)
 *         .preferring(MIMEType.TEXT_HTML)
 *         .register((p, ctx) -> ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> "<b>" + p + "</b>"));
 * }</pre>
 */
public final class Renderer {

    private record Registration<T>(Set<Class<? extends T>> types, Set<MIMEType> wanted, RenderFunction<T> function) {}

    private final List<Registration<?>> registrations = new CopyOnWriteArrayList<>();

    /**
     * Starts a registration for objects of a type (and its subtypes).
     *
     * @param type the type to show
     * @return the registration to complete with {@code preferring}, {@code supporting} and {@code register}
     */
    public <T> RenderRegistration<T> createRegistration(Class<T> type) {
        return new RenderRegistration<>(type);
    }

    /**
     * The MIME data the latest registration for the value's type makes, or null when none applies or it
     * makes nothing.
     *
     * @param value the object to show
     * @return MIME type to data, or null
     */
    public Map<String, String> render(Object value) {
        if (value == null) {
            return null;
        }
        for (int k = registrations.size() - 1; k >= 0; k--) {
            Map<String, String> data = apply(registrations.get(k), value);
            if (data != null && !data.isEmpty()) {
                return data;
            }
        }
        return null;
    }

    private static <T> Map<String, String> apply(Registration<T> registration, Object value) {
        for (Class<? extends T> type : registration.types()) {
            if (type.isInstance(value)) {
                RenderContext context = new RenderContext(registration.wanted());
                registration.function().render(type.cast(value), context);
                return context.data();
            }
        }
        return null;
    }

    /** One registration being built. */
    public final class RenderRegistration<T> {
        private final Set<Class<? extends T>> types = new LinkedHashSet<>();
        private final Set<MIMEType> preferred = new LinkedHashSet<>();
        private final Set<MIMEType> supported = new LinkedHashSet<>();

        RenderRegistration(Class<? extends T> type) {
            types.add(type);
        }

        /** The types the function makes by default (what a cell's value and {@code display(x)} show). */
        public RenderRegistration<T> preferring(MIMEType... types) {
            preferred.addAll(Arrays.asList(types));
            return this;
        }

        /** As {@link #preferring(MIMEType...)}, types written as text ({@code "text/html"}). */
        public RenderRegistration<T> preferring(String... types) {
            Arrays.stream(types).map(MIMEType::parse).forEach(preferred::add);
            return this;
        }

        /** Types the function can make besides the preferred ones; made when none is preferred. */
        public RenderRegistration<T> supporting(MIMEType... types) {
            supported.addAll(Arrays.asList(types));
            return this;
        }

        /** As {@link #supporting(MIMEType...)}, types written as text. */
        public RenderRegistration<T> supporting(String... types) {
            Arrays.stream(types).map(MIMEType::parse).forEach(supported::add);
            return this;
        }

        /** One more type the same function shows. */
        public RenderRegistration<T> onType(Class<? extends T> type) {
            types.add(type);
            return this;
        }

        /** Registers the function; from now on it shows objects of the registration's types. */
        public void register(RenderFunction<T> function) {
            Set<MIMEType> wanted = new LinkedHashSet<>(preferred.isEmpty() ? supported : preferred);
            registrations.add(new Registration<>(new LinkedHashSet<>(types), wanted, function));
        }
    }
}
