package org.lstmlab.kernel;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.HelpLink;

/**
 * The links Jupyter's Help menu shows for this kernel ({@code help_links} of kernel_info): the course's
 * own guide, ND4J's API and guide, and the Java API and JShell guide of the JDK the kernel runs on. The
 * course guide is {@code LSTMLAB_DOCS_URL} when set (a class's published copy), else the README.md of the
 * course folder the kernel jar sits in ({@code target/} of a clone, {@code lib/} of a student edition), as
 * a file URL; without either it is left out.
 */
final class HelpLinks {

    static final String ND4J_API = "https://javadoc.io/doc/org.nd4j/nd4j-api/1.0.0-M2.1/index.html";
    static final String ND4J_GUIDE = "https://deeplearning4j.konduit.ai/nd4j/how-to-guides";

    private HelpLinks() {}

    /**
     * The links as kernel_info writes them.
     *
     * @param environment the kernel's environment (LSTMLAB_DOCS_URL)
     * @return {@code [{text, url}, ...]}
     */
    static List<Map<String, String>> forThisKernel(Map<String, String> environment) {
        List<Map<String, String>> links = new ArrayList<>();
        courseGuide(environment).ifPresent(url -> links.add(link("LSTM Lab course guide", url)));
        int java = Runtime.version().feature();
        links.add(link("ND4J API (1.0.0-M2.1)", ND4J_API));
        links.add(link("ND4J guide", ND4J_GUIDE));
        links.add(link("Java " + java + " API", "https://docs.oracle.com/en/java/javase/" + java + "/docs/api/"));
        links.add(link("JShell guide", "https://docs.oracle.com/en/java/javase/" + java + "/jshell/"));
        return links;
    }

    /** The same links for the base library's constructor. */
    static List<HelpLink> asBaseLibraryLinks(Map<String, String> environment) {
        return forThisKernel(environment).stream()
                .map(l -> new HelpLink(l.get("text"), l.get("url")))
                .toList();
    }

    private static java.util.Optional<String> courseGuide(Map<String, String> environment) {
        String configured = environment.get("LSTMLAB_DOCS_URL");
        if (configured != null && !configured.isBlank()) {
            return java.util.Optional.of(configured.strip());
        }
        try {
            var source = HelpLinks.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return java.util.Optional.empty();
            }
            Path jar = Path.of(source.getLocation().toURI()).toAbsolutePath();
            Path readme = jar.getParent().getParent().resolve("README.md");
            return Files.isRegularFile(readme)
                    ? java.util.Optional.of(readme.toUri().toString())
                    : java.util.Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static Map<String, String> link(String text, String url) {
        Map<String, String> link = new LinkedHashMap<>();
        link.put("text", text);
        link.put("url", url);
        return link;
    }
}
