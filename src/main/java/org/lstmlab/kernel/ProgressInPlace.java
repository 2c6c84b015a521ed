package org.lstmlab.kernel;

import org.lstmlab.train.Progress;

/**
 * Hooks the library's training progress into the notebook: a run printing to {@code System.out}
 * draws its bar as one display of the cell, updated in place, instead of a stream of lines. The
 * library only knows its own {@link Progress.LiveLine}; the kernel supplies the displays.
 */
final class ProgressInPlace {

    private ProgressInPlace() {}

    /**
     * Installs the hook, when the course library is on the classpath.
     *
     * @param displays where each run's progress display is made
     * @return whether the library was there to hook
     */
    static boolean install(Displays displays) {
        try {
            Progress.showLiveLinesWith(() -> displays.liveLine()::accept);
            return true;
        } catch (LinkageError noLibrary) {
            return false; // a kernel started without the course library: training progress is not ours to show
        }
    }
}
