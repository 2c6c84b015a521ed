package org.lstmlab.kernel.widgets;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A chart's picture as PNG, encoded for speed: a figure that answers a slider is encoded on every move. The JDK's
 * encoder tries five filters on every row (18–23 ms of CPU for the explorables' 800 × 500 charts); charts are mostly
 * flat colour, so one filter (Up: each byte minus the one above it) at deflate's fastest level costs a third of that,
 * for files 10–24 % larger (docs/widgets.md, {@code RedrawProfile}). Opaque 8-bit RGB (colour type 2): a
 * chart has no transparency, and an alpha channel would be dropped.
 *
 * <p>The format is the W3C's PNG specification (third edition): the signature, an IHDR chunk, one IDAT chunk of zlib
 * data and IEND, each chunk with its CRC-32.
 */
final class Png {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** The Up filter's type byte at the start of every row. */
    private static final byte UP = 2;

    private Png() {}

    /** @return the image as PNG bytes, its pixels exactly (alpha dropped) */
    static byte[] encode(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int rowBytes = 1 + 3 * width;
        byte[] filtered = new byte[height * rowBytes];
        int[] above = new int[width]; // the row above the first is zeros
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            int at = y * rowBytes;
            filtered[at++] = UP;
            for (int x = 0; x < width; x++) {
                int p = row[x];
                int q = above[x];
                filtered[at++] = (byte) ((p >> 16) - (q >> 16)); // red minus the red above, modulo 256
                filtered[at++] = (byte) ((p >> 8) - (q >> 8));
                filtered[at++] = (byte) (p - q);
            }
            int[] swap = above;
            above = row;
            row = swap;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(filtered.length / 8);
        out.writeBytes(SIGNATURE);
        chunk(
                out,
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put(new byte[] {8, 2, 0, 0, 0}) // 8 bits, RGB, deflate, adaptive filtering, no interlace
                        .array());
        chunk(out, "IDAT", deflate(filtered));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 8);
            byte[] buffer = new byte[1 << 16];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
