// A d2l-java style utility class, loaded with %load; Point.java uses it.
class Functions {
    static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    static String pair(double x, double y) {
        return "(" + x + ", " + y + ")";
    }
}
