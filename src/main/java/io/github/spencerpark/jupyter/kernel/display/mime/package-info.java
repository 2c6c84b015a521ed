/**
 * IJava's MIME type value ({@code MIMEType.TEXT_HTML}, {@code MIMEType.parse("image/svg+xml")}), as renderer
 * registrations name what they make.
 *
 * <p>May use: the JDK only.
 */
package io.github.spencerpark.jupyter.kernel.display.mime;
