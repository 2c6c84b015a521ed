package org.lstmlab.plot;

/**
 * Makes AWT headless before it loads, so charts render on a server, in CI or in a Jupyter kernel
 * without a display. Setting {@code java.awt.headless} only works before AWT first reads it; every
 * class of this package calls {@link #ensure()} in its static initialiser. An explicit
 * {@code -Djava.awt.headless=false} is respected.
 */
final class Headless {
    private Headless() {}

    static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
