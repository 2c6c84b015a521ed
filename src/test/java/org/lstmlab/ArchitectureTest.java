package org.lstmlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The one-way rule of DESIGN.md, on the compiled main classes: {@code nn ← data ← train ← course}, with
 * {@code nn.fused} above {@code nn}, {@code grad} and {@code plot} beside them, and the applications
 * ({@code kernel}, {@code grade}, {@code cli}) on top. The library never uses the applications, and no two
 * packages depend on each other in a cycle. Inside {@code grade}, the rooms stand on one another the same way:
 * {@code sandbox ← author ← report ← run ← edition ← notebook}, with {@code similarity} (the class report's JPlag
 * check) on {@code report} beside {@code run}, neither using the other; the sandbox, at the bottom, uses none of them.
 * IJava's API ({@code io.github.spencerpark..}, issue 31) sits on the kernel and nothing of the course uses it.
 */
@AnalyzeClasses(
        packages = {"org.lstmlab", "io.github.spencerpark"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] LIBRARY = {
        "org.lstmlab.nn..",
        "org.lstmlab.data..",
        "org.lstmlab.train..",
        "org.lstmlab.grad..",
        "org.lstmlab.plot..",
        "org.lstmlab.course.."
    };

    @ArchTest
    static final ArchRule theLayersUseOnlyTheLayersBelowThem = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("nn")
            .definedBy("org.lstmlab.nn")
            .layer("nn.fused")
            .definedBy("org.lstmlab.nn.fused..")
            .layer("data")
            .definedBy("org.lstmlab.data..")
            .layer("train")
            .definedBy("org.lstmlab.train..")
            .layer("grad")
            .definedBy("org.lstmlab.grad..")
            .layer("plot")
            .definedBy("org.lstmlab.plot..")
            .layer("course")
            .definedBy("org.lstmlab.course..")
            .layer("kernel")
            .definedBy("org.lstmlab.kernel..")
            .layer("grade")
            .definedBy("org.lstmlab.grade..")
            .layer("cli")
            .definedBy("org.lstmlab.cli..")
            .whereLayer("nn")
            .mayNotAccessAnyLayer()
            .whereLayer("nn.fused")
            .mayOnlyAccessLayers("nn")
            .whereLayer("data")
            .mayOnlyAccessLayers("nn")
            .whereLayer("train")
            .mayOnlyAccessLayers("nn", "nn.fused", "data")
            .whereLayer("grad")
            .mayOnlyAccessLayers("nn")
            .whereLayer("plot")
            .mayOnlyAccessLayers("nn")
            .whereLayer("course")
            .mayOnlyAccessLayers("nn", "nn.fused", "data", "train", "grad", "plot")
            .whereLayer("cli")
            .mayNotBeAccessedByAnyLayer();

    @ArchTest
    static final ArchRule theGradersRoomsUseOnlyTheRoomsBelowThem = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("author")
            .definedBy("org.lstmlab.grade.author..")
            .layer("report")
            .definedBy("org.lstmlab.grade.report..")
            .layer("sandbox")
            .definedBy("org.lstmlab.grade.sandbox..")
            .layer("run")
            .definedBy("org.lstmlab.grade.run..")
            .layer("edition")
            .definedBy("org.lstmlab.grade.edition..")
            .layer("notebook")
            .definedBy("org.lstmlab.grade.notebook..")
            .layer("similarity")
            .definedBy("org.lstmlab.grade.similarity..")
            .whereLayer("author")
            .mayOnlyAccessLayers("sandbox")
            .whereLayer("report")
            .mayOnlyAccessLayers("author")
            .whereLayer("sandbox")
            .mayNotAccessAnyLayer()
            .whereLayer("run")
            .mayOnlyAccessLayers("author", "report", "sandbox")
            .whereLayer("edition")
            .mayOnlyAccessLayers("author", "report", "run", "sandbox")
            .whereLayer("notebook")
            .mayOnlyAccessLayers("author", "report", "run", "edition", "sandbox")
            .whereLayer("similarity")
            .mayOnlyAccessLayers("report");

    @ArchTest
    static final ArchRule everyGradingClassLivesInARoom = ArchRuleDefinition.classes()
            .that()
            .resideInAPackage("org.lstmlab.grade")
            .should()
            .haveSimpleName("package-info")
            .because(
                    "the grader's code lives in its rooms (author, report, run, similarity, edition, notebook, sandbox)");

    @ArchTest
    static final ArchRule theLibraryNeverUsesTheApplications = noClasses()
            .that()
            .resideInAnyPackage(LIBRARY)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.lstmlab.kernel..", "org.lstmlab.grade..", "org.lstmlab.cli..")
            .because("the notebooks, the grader's sandbox and ./lab all load the library without them");

    /**
     * IJava's API under IJava's package names (issue 31) sits on top of the kernel: it may use the kernel's
     * hooks ({@code Notebook}, {@code Rendering}) and the JDK; the kernel and the library never use it, so the
     * course runs the same without it.
     */
    @ArchTest
    static final ArchRule ijavasApiUsesOnlyTheKernelAndTheJdk = ArchRuleDefinition.classes()
            .that()
            .resideInAPackage("io.github.spencerpark..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("io.github.spencerpark..", "org.lstmlab.kernel", "java..")
            .because("notebooks written for IJava compile against it on the notebook's class path");

    @ArchTest
    static final ArchRule nothingOfTheCourseUsesIJavasApi = noClasses()
            .that()
            .resideInAPackage("org.lstmlab..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.github.spencerpark..")
            .because("IJava's API is for notebooks written for IJava; the course's own code uses org.lstmlab.kernel");

    @ArchTest
    static final ArchRule noTwoPackagesDependOnEachOther =
            slices().matching("org.lstmlab.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noTwoPublicClassesShareASimpleName = ArchRuleDefinition.classes()
            .that()
            .arePublic()
            .and()
            .areTopLevelClasses()
            .should(haveASimpleNameOfTheirOwn())
            .because(
                    "a notebook imports every library package whole, and a reader should never wonder which one is meant");

    private static ArchCondition<JavaClass> haveASimpleNameOfTheirOwn() {
        return new ArchCondition<>("have a simple name no other public class has") {
            private Map<String, String> packagesByName = Map.of();

            @Override
            public void init(java.util.Collection<JavaClass> all) {
                packagesByName = all.stream()
                        .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC) && c.isTopLevelClass())
                        .collect(Collectors.groupingBy(
                                JavaClass::getSimpleName,
                                TreeMap::new,
                                Collectors.mapping(JavaClass::getPackageName, Collectors.joining(", "))));
            }

            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String packages = packagesByName.getOrDefault(c.getSimpleName(), c.getPackageName());
                boolean alone = !packages.contains(",");
                events.add(new SimpleConditionEvent(
                        c, alone, c.getSimpleName() + " is public in more than one package: " + packages));
            }
        };
    }
}
