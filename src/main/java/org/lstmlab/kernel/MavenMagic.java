package org.lstmlab.kernel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * IJava's {@code %maven group:artifact:version} magic: resolves artifacts and their runtime
 * dependencies with Maven itself ({@code mvn}, the one the course builds with) and returns the jars
 * for the notebook's classpath. Maven reads the local repository {@code ~/.m2/repository} first and
 * Maven Central (or the mirrors of {@code ~/.m2/settings.xml}) for what is missing, so artifacts
 * already downloaded resolve offline. {@code LAB_MAVEN_ARGS} is passed on, as {@code ./lab} does
 * ({@code LAB_MAVEN_ARGS=-o} never touches the network).
 *
 * <p>A coordinate is {@code group:artifact:version}, {@code group:artifact:type:version} or
 * {@code group:artifact:type:classifier:version}.
 */
final class MavenMagic {

    /** The dependency plugin the course's own build uses, so it is in the local repository already. */
    static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1";

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.\\-]+");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_.\\-\\[\\](),]+");

    /** One artifact to resolve. */
    record Coordinate(String group, String artifact, String type, String classifier, String version) {

        /**
         * Parses a coordinate.
         *
         * @throws CellError naming the accepted forms when the text is not one
         */
        static Coordinate parse(String text) {
            String[] parts = text.split(":", -1);
            Coordinate coordinate = switch (parts.length) {
                case 3 -> new Coordinate(parts[0], parts[1], "jar", "", parts[2]);
                case 4 -> new Coordinate(parts[0], parts[1], parts[2], "", parts[3]);
                case 5 -> new Coordinate(parts[0], parts[1], parts[2], parts[3], parts[4]);
                default -> null;
            };
            if (coordinate == null
                    || !PART.matcher(coordinate.group).matches()
                    || !PART.matcher(coordinate.artifact).matches()
                    || !PART.matcher(coordinate.type).matches()
                    || !(coordinate.classifier.isEmpty()
                            || PART.matcher(coordinate.classifier).matches())
                    || !VERSION.matcher(coordinate.version).matches()) {
                throw usage("'" + text + "' is not a Maven coordinate");
            }
            return coordinate;
        }

        String dependencyXml() {
            return "    <dependency><groupId>" + group + "</groupId><artifactId>" + artifact + "</artifactId><version>"
                    + version + "</version><type>" + type + "</type>"
                    + (classifier.isEmpty() ? "" : "<classifier>" + classifier + "</classifier>")
                    + "</dependency>\n";
        }

        @Override
        public String toString() {
            return group + ":" + artifact + (type.equals("jar") && classifier.isEmpty() ? "" : ":" + type)
                    + (classifier.isEmpty() ? "" : ":" + classifier) + ":" + version;
        }
    }

    static CellError usage(String problem) {
        String message = problem + "; write %maven group:artifact:version (also group:artifact:type:version"
                + " or group:artifact:type:classifier:version), e.g. %maven org.apache.commons:commons-math3:3.6.1";
        return new CellError("MavenMagicError", message, List.of("MavenMagicError: " + message));
    }

    private final Map<String, String> environment;
    private final List<Repository> repositories = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A remote repository that {@code %mavenRepo} or a POM's {@code <repositories>} named. */
    record Repository(String id, String url) {
        String xml() {
            return "    <repository><id>" + escapeXml(id) + "</id><url>" + escapeXml(url) + "</url></repository>\n";
        }
    }

    /** What a POM or POM fragment asks for: its dependencies and the repositories it names. */
    record Pom(List<Coordinate> dependencies, List<Repository> repositories) {}

    /**
     * @param environment the kernel's environment: {@code PATH}, {@code MAVEN_HOME}, {@code LAB_MAVEN_ARGS}
     */
    MavenMagic(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * The pom of a throw-away project that depends on the coordinates.
     *
     * @param coordinates what to resolve
     * @return pom.xml text
     */
    static String pom(List<Coordinate> coordinates) {
        return pom(coordinates, List.of());
    }

    /**
     * The pom of a throw-away project that depends on the coordinates and reads the repositories too.
     *
     * @param coordinates what to resolve
     * @param repositories remote repositories besides Maven Central
     * @return pom.xml text
     */
    static String pom(List<Coordinate> coordinates, List<Repository> repositories) {
        StringBuilder pom = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n  <modelVersion>4.0.0</modelVersion>\n"
                + "  <groupId>org.lstmlab.kernel</groupId><artifactId>maven-magic</artifactId><version>1</version>\n"
                + "  <packaging>pom</packaging>\n  <dependencies>\n");
        coordinates.forEach(c -> pom.append("  ").append(c.dependencyXml()));
        pom.append("  </dependencies>\n");
        if (!repositories.isEmpty()) {
            pom.append("  <repositories>\n");
            repositories.forEach(r -> pom.append("  ").append(r.xml()));
            pom.append("  </repositories>\n");
        }
        return pom.append("</project>\n").toString();
    }

    /**
     * IJava's {@code %mavenRepo ID URL}: later resolutions also read this repository (one id, one URL: a
     * second {@code %mavenRepo} with the same id replaces the first).
     *
     * @param arguments {@code ID URL}
     * @return the repository added
     * @throws CellError when the arguments are not an id and an http(s) or file URL
     */
    Repository addRepository(String arguments) {
        String[] parts = arguments.trim().split("\\s+");
        if (parts.length != 2 || !PART.matcher(parts[0]).matches() || !parts[1].matches("(?i)(https?|file):\\S+")) {
            String message = "write %mavenRepo ID URL, e.g. %mavenRepo jitpack https://jitpack.io, but got '"
                    + arguments.trim() + "'";
            throw new CellError("MavenMagicError", message, List.of("MavenMagicError: " + message));
        }
        Repository repository = new Repository(parts[0], parts[1]);
        addRepository(repository);
        return repository;
    }

    private void addRepository(Repository repository) {
        repositories.removeIf(r -> r.id().equals(repository.id()));
        repositories.add(repository);
    }

    /** The repositories added so far, in order. */
    List<Repository> repositories() {
        return List.copyOf(repositories);
    }

    /**
     * IJava's {@code %%loadFromPOM} and {@code %loadFromPOM FILE}: the {@code <dependency>} elements of a POM or
     * of a fragment of one ({@code <dependency>} elements, {@code <dependencies>}, {@code <repositories>}, in any
     * mix), and the {@code <repository>} elements it names, which join this magic's repositories. Dependencies of
     * {@code <dependencyManagement>} and of plugins, and those of scope test, provided or system, are not
     * taken; {@code ${property}} references are not expanded.
     *
     * @param xml the POM or fragment
     * @param where what to name in an error (the file or {@code %%loadFromPOM})
     * @return the dependencies to resolve and the repositories named
     * @throws CellError when the text is not XML, names no dependency, or a dependency lacks a part
     */
    Pom readPom(String xml, String where) {
        org.w3c.dom.Element root;
        try {
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            String text = xml.strip().replaceFirst("^<\\?xml[^>]*\\?>", "");
            var document = factory.newDocumentBuilder()
                    .parse(new org.xml.sax.InputSource(new java.io.StringReader("<fragment>" + text + "</fragment>")));
            root = document.getDocumentElement();
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException | IOException e) {
            throw pomError(where + " is not XML a POM can hold: " + e.getMessage());
        }
        List<Coordinate> dependencies = new ArrayList<>();
        List<Repository> named = new ArrayList<>();
        var found = root.getElementsByTagName("dependency");
        for (int k = 0; k < found.getLength(); k++) {
            org.w3c.dom.Element dependency = (org.w3c.dom.Element) found.item(k);
            if (inside(dependency, "dependencyManagement", "plugin", "plugins", "build", "profile")) {
                continue;
            }
            String scope = child(dependency, "scope");
            if (List.of("test", "provided", "system").contains(scope)) {
                continue;
            }
            String group = child(dependency, "groupId");
            String artifact = child(dependency, "artifactId");
            String version = child(dependency, "version");
            if (group.isEmpty() || artifact.isEmpty() || version.isEmpty()) {
                throw pomError(where + ": a <dependency> needs <groupId>, <artifactId> and <version>, but got " + group
                        + ":" + artifact + ":" + version);
            }
            String type = child(dependency, "type");
            String classifier = child(dependency, "classifier");
            String text = group + ":" + artifact + ":" + (type.isEmpty() ? "jar" : type) + ":"
                    + (classifier.isEmpty() ? "" : classifier + ":") + version;
            dependencies.add(Coordinate.parse(text));
        }
        var repositoryElements = root.getElementsByTagName("repository");
        for (int k = 0; k < repositoryElements.getLength(); k++) {
            org.w3c.dom.Element repository = (org.w3c.dom.Element) repositoryElements.item(k);
            if (inside(repository, "distributionManagement", "profile")) {
                continue;
            }
            String id = child(repository, "id");
            String url = child(repository, "url");
            if (!url.isEmpty()) {
                Repository r = new Repository(id.isEmpty() ? "repository-" + (named.size() + 1) : id, url);
                named.add(r);
                addRepository(r);
            }
        }
        if (dependencies.isEmpty()) {
            throw pomError(where + " has no <dependency> to load (write <dependency><groupId>…</groupId>"
                    + "<artifactId>…</artifactId><version>…</version></dependency>)");
        }
        return new Pom(dependencies, named);
    }

    private static boolean inside(org.w3c.dom.Node node, String... ancestors) {
        for (org.w3c.dom.Node up = node.getParentNode(); up != null; up = up.getParentNode()) {
            if (List.of(ancestors).contains(up.getNodeName())) {
                return true;
            }
        }
        return false;
    }

    private static String child(org.w3c.dom.Element element, String name) {
        for (org.w3c.dom.Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == org.w3c.dom.Node.ELEMENT_NODE
                    && n.getNodeName().equals(name)) {
                return n.getTextContent().strip();
            }
        }
        return "";
    }

    private static CellError pomError(String message) {
        return new CellError("LoadFromPomError", message, List.of("LoadFromPomError: " + message));
    }

    static String escapeXml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The {@code mvn} launcher: {@code $MAVEN_HOME/bin}, {@code $M2_HOME/bin}, then the {@code PATH}. */
    Optional<Path> mvn() {
        String name = System.getProperty("os.name", "").startsWith("Windows") ? "mvn.cmd" : "mvn";
        List<Path> candidates = new ArrayList<>();
        for (String home : new String[] {"MAVEN_HOME", "M2_HOME"}) {
            if (environment.get(home) != null) {
                candidates.add(Path.of(environment.get(home), "bin", name));
            }
        }
        for (String folder : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!folder.isEmpty()) {
                candidates.add(Path.of(folder, name));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /**
     * The coordinates of the magic's arguments.
     *
     * @param arguments coordinates separated by blanks
     * @throws CellError when there is none or one is not a coordinate
     */
    static List<Coordinate> parse(String arguments) {
        List<Coordinate> coordinates = new ArrayList<>();
        for (String text : arguments.trim().split("\\s+")) {
            if (!text.isEmpty()) {
                coordinates.add(Coordinate.parse(text));
            }
        }
        if (coordinates.isEmpty()) {
            throw usage("%maven needs at least one coordinate");
        }
        return coordinates;
    }

    /**
     * Resolves the coordinates and their runtime dependencies.
     *
     * @param coordinates what to resolve
     * @param stopRequested polled while Maven runs; true stops it (Kernel ▸ Interrupt)
     * @return the jars, dependencies included, in Maven's order
     * @throws CellError when Maven is missing or resolution fails
     */
    List<Path> resolve(List<Coordinate> coordinates, BooleanSupplier stopRequested) {
        Path mvn = mvn().orElseThrow(() ->
                fail("%maven needs Maven, but there is no mvn on the kernel's PATH or in MAVEN_HOME; install Maven 3.8"
                        + " or newer (Debian/Ubuntu: sudo apt-get install maven) and restart the kernel"));
        Path folder = null;
        try {
            folder = Files.createTempDirectory("lstmlab-maven-");
            Files.writeString(folder.resolve("pom.xml"), pom(coordinates, repositories), StandardCharsets.UTF_8);
            Path classpath = folder.resolve("classpath.txt");
            Path log = folder.resolve("maven.log");
            List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-q", "-Dstyle.color=never"));
            for (String extra :
                    environment.getOrDefault("LAB_MAVEN_ARGS", "").trim().split("\\s+")) {
                if (!extra.isEmpty()) {
                    command.add(extra);
                }
            }
            command.addAll(List.of(
                    "-f",
                    folder.resolve("pom.xml").toString(),
                    DEPENDENCY_PLUGIN + ":build-classpath",
                    "-Dmdep.outputFile=" + classpath,
                    "-Dmdep.includeScope=runtime",
                    "-Dmdep.pathSeparator=" + File.pathSeparator));
            Process maven = new ProcessBuilder(command)
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            while (!maven.waitFor(100, TimeUnit.MILLISECONDS)) {
                if (stopRequested.getAsBoolean()) {
                    maven.descendants().forEach(ProcessHandle::destroyForcibly);
                    maven.destroyForcibly();
                    throw CellError.interrupted();
                }
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (maven.exitValue() != 0 || !Files.isRegularFile(classpath)) {
                throw fail("%maven could not resolve "
                        + String.join(
                                " ",
                                coordinates.stream().map(Coordinate::toString).toList()) + ": " + mavenError(output)
                        + " (offline, only artifacts already in ~/.m2/repository resolve)");
            }
            List<Path> jars = new ArrayList<>();
            for (String entry :
                    Files.readString(classpath, StandardCharsets.UTF_8).strip().split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    jars.add(Path.of(entry));
                }
            }
            return jars;
        } catch (IOException e) {
            throw fail("%maven could not run Maven (" + mvn + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CellError.interrupted();
        } finally {
            delete(folder);
        }
    }

    /**
     * A jar's place in a Maven repository: its artifact folder ({@code .../commons-io/commons-io})
     * with its classifier, and its version, when the path has the repository's layout
     * ({@code ARTIFACT/VERSION/ARTIFACT-VERSION[-CLASSIFIER].jar}).
     */
    record RepositoryJar(String artifact, String version, Path folder, String classifier) {
        static Optional<RepositoryJar> of(Path jar) {
            Path versionFolder = jar.toAbsolutePath().normalize().getParent();
            if (versionFolder == null || versionFolder.getParent() == null) {
                return Optional.empty();
            }
            String version = versionFolder.getFileName().toString();
            Path artifactFolder = versionFolder.getParent();
            String stem = artifactFolder.getFileName() + "-" + version;
            String name = jar.getFileName().toString();
            if (!name.startsWith(stem) || !name.endsWith(".jar")) {
                return Optional.empty();
            }
            String classifier = name.substring(stem.length(), name.length() - ".jar".length());
            return Optional.of(new RepositoryJar(artifactFolder + classifier, version, artifactFolder, classifier));
        }

        /** Whether this jar is an artifact of the group ({@code tech.tablesaw}: {@code .../tech/tablesaw/NAME}). */
        boolean inGroup(String group) {
            Path parent = folder.getParent();
            return parent != null && parent.endsWith(Path.of("", group.split("\\.")));
        }

        /**
         * {@code group:artifact}, the group read from the folders under the repository's root; without a root, the
         * artifact's name alone.
         */
        String name(Optional<Path> root) {
            Path parent = folder.getParent();
            if (root.isPresent() && parent.startsWith(root.get()) && !parent.equals(root.get())) {
                return root.get().relativize(parent).toString().replace(File.separatorChar, '.') + ":"
                        + folder.getFileName();
            }
            return folder.getFileName().toString();
        }
    }

    /**
     * The jars a classpath carries, by artifact: jars in a repository's layout by their artifact folder and
     * classifier, other jars (a student edition's {@code lib/tablesaw-core-0.44.1.jar}) by the name before their
     * version ({@code NAME-VERSION[-CLASSIFIER].jar}, the version starting with a digit).
     */
    static final class Carried {
        private static final Pattern FLAT = Pattern.compile("^(.+?)-(\\d.*)\\.jar$");

        private final Map<String, String> inRepository = new HashMap<>(); // artifact folder and classifier → entry
        private final Map<String, List<Path>> flat = new HashMap<>(); // artifact's name → entries

        Carried(Collection<String> classpath) {
            classpath.forEach(entry -> add(Path.of(entry).toAbsolutePath().normalize()));
        }

        void add(Path entry) {
            Optional<RepositoryJar> jar = RepositoryJar.of(entry);
            if (jar.isPresent()) {
                inRepository.put(jar.get().artifact(), entry.toString());
                return;
            }
            var name = FLAT.matcher(
                    entry.getFileName() == null ? "" : entry.getFileName().toString());
            if (name.matches()) {
                flat.computeIfAbsent(name.group(1), k -> new ArrayList<>()).add(entry);
            }
        }

        /**
         * The entry that holds a resolved jar's artifact: another version of it, or the same jar kept elsewhere (an
         * edition's {@code lib/} copy, named as in the repository). A jar of the same version with a classifier
         * ({@code nd4j-native-1.0.0-M2.1-linux-x86_64.jar}) is not the plain jar's other version.
         *
         * @param jar a jar Maven resolved, in the repository's layout
         * @return the classpath entry, if the classpath carries the artifact
         */
        Optional<String> of(RepositoryJar jar) {
            String entry = inRepository.get(jar.artifact());
            if (entry != null) {
                return Optional.of(entry);
            }
            String name = jar.folder().getFileName().toString();
            for (Path other : flat.getOrDefault(name, List.of())) {
                String file = other.getFileName().toString();
                String rest = file.substring(name.length() + 1, file.length() - ".jar".length());
                boolean sameJar = rest.equals(jar.version() + jar.classifier());
                boolean classifierOfSameVersion = jar.classifier().isEmpty() && rest.startsWith(jar.version() + "-");
                boolean sameClassifier = jar.classifier().isEmpty() || rest.endsWith(jar.classifier());
                if (sameJar || !classifierOfSameVersion && sameClassifier) {
                    return Optional.of(other.toString());
                }
            }
            return Optional.empty();
        }

        /** The version of a classpath entry that {@link #of} gave for the jar. */
        static String version(String entry, RepositoryJar jar) {
            return RepositoryJar.of(Path.of(entry)).map(RepositoryJar::version).orElseGet(() -> {
                String file = Path.of(entry).getFileName().toString();
                String rest = file.substring(
                        jar.folder().getFileName().toString().length() + 1, file.length() - ".jar".length());
                return rest.endsWith(jar.classifier())
                        ? rest.substring(0, rest.length() - jar.classifier().length())
                        : rest;
            });
        }
    }

    /**
     * The local repository's root, read off the jar Maven resolved for one of the coordinates
     * ({@code ROOT/tech/tablesaw/tablesaw-core/0.44.1/...} for {@code tech.tablesaw:tablesaw-core:0.44.1}).
     *
     * @param asked the coordinates resolved
     * @param resolved the jars Maven gave for them
     * @return the root, when a jar of a coordinate is in the repository layout
     */
    static Optional<Path> repositoryRoot(List<Coordinate> asked, List<Path> resolved) {
        for (Path jar : resolved) {
            Optional<RepositoryJar> inRepository = RepositoryJar.of(jar);
            for (Coordinate c : asked) {
                if (inRepository.isPresent()
                        && inRepository.get().folder().getFileName().toString().equals(c.artifact())
                        && inRepository.get().inGroup(c.group())) {
                    Path root = inRepository.get().folder().getParent();
                    for (int k = 0; k < c.group().split("\\.").length; k++) {
                        root = root.getParent();
                    }
                    return Optional.ofNullable(root);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * An asked artifact whose own release the kernel carries in another version: Maven resolved, with
     * {@code tech.tablesaw:tablesaw-jsplot:0.38.1}, {@code tech.tablesaw:tablesaw-core:0.38.1} (same group, same
     * version: the same release of one library), while the kernel's classpath has {@code tablesaw-core 0.44.1}.
     * Loading the asked version next to the kernel's would fail later with a {@code NoSuchMethodError}; the
     * artifact is taken in the kernel's version instead.
     *
     * @param asked what the magic asked for
     * @param sibling {@code group:artifact} of the jar of the same release the kernel carries
     * @param carried the version of it the kernel carries, the version used
     */
    record Clash(Coordinate asked, String sibling, String carried) {

        /** The asked coordinate in the kernel's version. */
        Coordinate used() {
            return new Coordinate(asked.group(), asked.artifact(), asked.type(), asked.classifier(), carried);
        }

        /** The one line the magic prints. */
        String message() {
            return "version clash: " + asked.group() + ":" + asked.artifact() + " " + asked.version()
                    + " asked for, " + carried + " used (the kernel carries " + sibling + " " + carried + ", and "
                    + asked.artifact() + " " + asked.version() + " was built for " + sibling + " " + asked.version()
                    + ")";
        }
    }

    /**
     * The asked coordinates whose release the classpath holds in another version ({@link Clash}).
     *
     * @param asked what the magic asked for
     * @param resolved the jars Maven gave for it
     * @param classpath the notebook's classpath entries
     * @return one clash per asked coordinate that has one, in the order asked
     */
    static List<Clash> clashes(List<Coordinate> asked, List<Path> resolved, Collection<String> classpath) {
        Carried carried = new Carried(classpath);
        Optional<Path> root = repositoryRoot(asked, resolved);
        List<Clash> clashes = new ArrayList<>();
        for (Coordinate c : asked) {
            for (Path jar : resolved) {
                Optional<RepositoryJar> release =
                        RepositoryJar.of(jar).filter(j -> j.version().equals(c.version()) && j.inGroup(c.group()));
                String version = release.flatMap(j -> carried.of(j).map(entry -> Carried.version(entry, j)))
                        .orElse(null);
                if (version != null && !version.equals(c.version())) {
                    clashes.add(new Clash(c, release.get().name(root), version));
                    break;
                }
            }
        }
        return clashes;
    }

    /**
     * The coordinates with each clashing one in the kernel's version.
     *
     * @param asked what the magic asked for
     * @param clashes what {@link #clashes} found
     * @return the coordinates to resolve instead
     */
    static List<Coordinate> aligned(List<Coordinate> asked, List<Clash> clashes) {
        List<Coordinate> used = new ArrayList<>();
        for (Coordinate c : asked) {
            used.add(clashes.stream()
                    .filter(clash -> clash.asked().equals(c))
                    .map(Clash::used)
                    .findFirst()
                    .orElse(c));
        }
        return used;
    }

    /**
     * The error when the kernel's version of a clashing artifact does not resolve: nothing is added, since the
     * asked version would fail against the kernel's.
     */
    static CellError unaligned(List<Clash> clashes, CellError why) {
        String message = clashes.stream()
                        .map(c -> c.asked() + " was built for " + c.sibling() + " "
                                + c.asked().version()
                                + ", but the kernel carries " + c.sibling() + " " + c.carried() + ", and "
                                + c.used() + " to match it")
                        .collect(java.util.stream.Collectors.joining("; "))
                + " did not resolve (" + why.value + "); nothing was added: ask for a version built for "
                + clashes.get(0).carried();
        return new CellError("MavenMagicError", message, List.of("MavenMagicError: " + message));
    }

    /** What becomes of one resolved jar. */
    record Placement(String jar, Kind kind, String other, String name) {
        enum Kind {
            /** Joins the classpath. */
            ADD,
            /** Is on it already. */
            ALREADY,
            /** Another version of the same artifact is on it, and would win: not added. */
            OTHER_VERSION
        }

        String message() {
            return switch (kind) {
                case ADD -> "added to the classpath: " + jar;
                case ALREADY -> "already on the classpath: " + jar;
                case OTHER_VERSION ->
                    "version clash: " + name + " "
                            + RepositoryJar.of(Path.of(jar))
                                    .map(RepositoryJar::version)
                                    .orElse(jar)
                            + " asked for, "
                            + RepositoryJar.of(Path.of(jar))
                                    .map(j -> Carried.version(other, j))
                                    .orElse(other)
                            + " used (the kernel's, already on the classpath: " + other + ")";
            };
        }
    }

    /**
     * Decides, jar by jar, what joins the classpath.
     *
     * @param resolved the jars Maven gave, in order
     * @param classpath the notebook's classpath entries so far
     * @param root the local repository's root ({@link #repositoryRoot}), for the group of a clashing jar
     * @return one placement per jar
     */
    static List<Placement> place(List<Path> resolved, Collection<String> classpath, Optional<Path> root) {
        Set<String> entries = new HashSet<>();
        for (String entry : classpath) {
            entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
        }
        Carried carried = new Carried(classpath);
        List<Placement> placements = new ArrayList<>();
        for (Path jar : resolved) {
            String path = jar.toAbsolutePath().normalize().toString();
            Optional<RepositoryJar> inRepository = RepositoryJar.of(Path.of(path));
            String other = inRepository.flatMap(carried::of).orElse(null);
            String name = inRepository.map(j -> j.name(root)).orElse(path);
            if (entries.contains(path)) {
                placements.add(new Placement(path, Placement.Kind.ALREADY, null, name));
            } else if (other != null && Path.of(other).getFileName().equals(jar.getFileName())) {
                placements.add(new Placement(other, Placement.Kind.ALREADY, null, name)); // an edition's copy of it
            } else if (other != null) {
                placements.add(new Placement(path, Placement.Kind.OTHER_VERSION, other, name));
            } else {
                entries.add(path);
                carried.add(Path.of(path));
                placements.add(new Placement(path, Placement.Kind.ADD, null, name));
            }
        }
        return placements;
    }

    /** The line of Maven's output that says what went wrong, without Maven's advice on -e and -X. */
    static String mavenError(String output) {
        for (String line : output.lines().toList()) {
            String text = line.replaceAll("\u001B\\[[;\\d]*m", "").strip();
            if (text.startsWith("[ERROR]")) {
                text = text.substring("[ERROR]".length()).strip();
                if (text.isEmpty() || text.startsWith("To see the full") || text.startsWith("Re-run Maven")) {
                    continue;
                }
                return text.replaceFirst("^Failed to execute goal (?:.*? )?on project maven-magic: ", "")
                        .replaceFirst("^Could not resolve dependencies for project [^:]+:[^:]+:[^:]+:[^:]+: ", "")
                        .replaceFirst("\\s*-> \\[Help \\d+]$", "");
            }
        }
        String last = output.strip();
        return last.isEmpty()
                ? "Maven failed and printed nothing"
                : last.lines().reduce((a, b) -> b).orElse(last);
    }

    private static CellError fail(String message) {
        return new CellError("MavenMagicError", message, List.of("MavenMagicError: " + message));
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
