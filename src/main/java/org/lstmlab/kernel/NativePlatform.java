package org.lstmlab.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * ND4J's native libraries in a student edition: {@code lib/natives/PLATFORM/} holds, for each platform the
 * edition carries ({@code ./lab release --platforms}), the jars of ND4J, OpenBLAS and JavaCPP built for it,
 * named by JavaCPP's platform names ({@code linux-x86_64}, {@code linux-arm64}, {@code macosx-x86_64},
 * {@code macosx-arm64}). The kernel's class path takes the ones of the machine it runs on.
 */
final class NativePlatform {

    private NativePlatform() {}

    /** JavaCPP's name for the platform this JVM runs on, e.g. {@code linux-x86_64}. */
    static String current() {
        return of(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /**
     * JavaCPP's platform name for an operating system and processor as the JVM names them.
     *
     * @param osName {@code os.name}, e.g. "Linux", "Mac OS X", "Windows 11"
     * @param osArch {@code os.arch}, e.g. "amd64", "aarch64"
     * @return e.g. {@code macosx-arm64}; the OS or processor part is the JVM's own, lower case, when unknown
     */
    static String of(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String system = os.startsWith("linux")
                ? "linux"
                : os.startsWith("mac") ? "macosx" : os.startsWith("windows") ? "windows" : os.replace(' ', '_');
        String arch = osArch.toLowerCase(Locale.ROOT);
        String processor = switch (arch) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
        return system + "-" + processor;
    }

    /**
     * The native jars of one platform in an edition's {@code natives/} folder.
     *
     * @param natives the edition's {@code lib/natives}
     * @param platform the machine's platform ({@link #current()})
     * @return the jars, sorted by name
     * @throws IllegalStateException naming the platforms the edition carries when it does not carry this one
     */
    static List<Path> jars(Path natives, String platform) throws IOException {
        Path folder = natives.resolve(platform);
        if (!Files.isDirectory(folder)) {
            List<String> carried;
            try (Stream<Path> list = Files.list(natives)) {
                carried = list.filter(Files::isDirectory)
                        .map(p -> p.getFileName().toString())
                        .sorted()
                        .toList();
            }
            throw new IllegalStateException("this student edition carries ND4J's native libraries for "
                    + String.join(", ", carried) + ", but this machine is " + platform
                    + (platform.startsWith("windows")
                            ? ": on Windows, open the course in WSL (Ubuntu), which is Linux"
                            : ": ask for an edition made with ./lab release --platforms " + platform));
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }
}
