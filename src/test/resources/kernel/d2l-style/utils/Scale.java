// Loaded by setup/plot-setup.ipynb as ../utils/Scale.java: a path relative to that notebook's folder.
class Scale {
    static int twice(int x) {
        return 2 * x;
    }
}
