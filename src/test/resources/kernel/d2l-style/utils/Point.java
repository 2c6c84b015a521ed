// Uses Functions.java, loaded before it.
record Point(double x, double y) {
    String label() {
        return Functions.pair(x, y);
    }
}
