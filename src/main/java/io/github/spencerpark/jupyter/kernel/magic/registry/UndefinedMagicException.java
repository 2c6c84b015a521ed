package io.github.spencerpark.jupyter.kernel.magic.registry;

/** A magic applied by a name the kernel does not know ({@code %lsmagic} lists the names it knows). */
public class UndefinedMagicException extends RuntimeException {

    /**
     * @param name the magic's name, without {@code %}
     * @param line true for a line magic, false for a cell magic
     */
    public UndefinedMagicException(String name, boolean line) {
        super((line ? "%" : "%%") + name + " is not a " + (line ? "line" : "cell")
                + " magic of this kernel; %lsmagic lists them");
    }
}
