package io.github.spencerpark.jupyter.kernel.display.mime;

import java.util.Locale;
import java.util.Objects;

/** A MIME type such as {@code text/html}, as IJava's renderer API names one; compared by its text. */
public final class MIMEType {

    public static final MIMEType TEXT_PLAIN = parse("text/plain");
    public static final MIMEType TEXT_HTML = parse("text/html");
    public static final MIMEType TEXT_MARKDOWN = parse("text/markdown");
    public static final MIMEType TEXT_LATEX = parse("text/latex");
    public static final MIMEType TEXT_CSS = parse("text/css");
    public static final MIMEType APPLICATION_JSON = parse("application/json");
    public static final MIMEType APPLICATION_JAVASCRIPT = parse("application/javascript");
    public static final MIMEType APPLICATION_PDF = parse("application/pdf");
    public static final MIMEType IMAGE_PNG = parse("image/png");
    public static final MIMEType IMAGE_JPEG = parse("image/jpeg");
    public static final MIMEType IMAGE_GIF = parse("image/gif");
    public static final MIMEType IMAGE_SVG = parse("image/svg+xml");

    private final String text;

    private MIMEType(String text) {
        this.text = text;
    }

    /**
     * The MIME type of a text such as {@code "text/html"}.
     *
     * @throws IllegalArgumentException when the text is not {@code group/subtype}
     */
    public static MIMEType parse(String type) {
        String text = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        if (!text.matches("[a-z0-9*][a-z0-9.+*_\\-]*/[a-z0-9*][a-z0-9.+*_\\-]*")) {
            throw new IllegalArgumentException("a MIME type is group/subtype, e.g. text/html, but got '" + type + "'");
        }
        return new MIMEType(text);
    }

    /** The part before the slash: {@code text} of {@code text/html}. */
    public String getGroup() {
        return text.substring(0, text.indexOf('/'));
    }

    /** The part after the slash: {@code html} of {@code text/html}. */
    public String getSubtype() {
        return text.substring(text.indexOf('/') + 1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MIMEType type && type.text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text);
    }

    /** The type as Jupyter's MIME bundles key it: {@code text/html}. */
    @Override
    public String toString() {
        return text;
    }
}
