package cn.gov.disclosure.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code (README, "Architecture"): feature packages without cycles, the process engine only at
 * the edge ({@code workflow/} and the engine's security setup), and domain services that know nothing of HTTP.
 */
class ArchitectureTest {

    private static final String ROOT = "cn.gov.disclosure";
    /** Feature packages that hold the rules of the case and must not know the engine or the web layer. */
    private static final String[] DOMAIN = java.util.stream.Stream.of("calendar", "common", "casefile", "intake", "acknowledgment",
            "consultation", "correction", "appeal", "notice", "mail", "report", "ratelimit", "items", "records",
            "delivery", "fees", "excessive", "rectification")
            .map(p -> ROOT + "." + p + "..").toArray(String[]::new);

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noCyclesBetweenProcessPackagesOfTheEngineEdge() {
        slices().matching(ROOT + ".workflow.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theEngineOnlyAtTheEdge() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages(ROOT + ".workflow..", ROOT + ".security..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("delegates, listeners and variable access live in workflow/<process>/ only");
        rule.check(classes);
    }

    @Test
    void domainServicesKnowNeitherEngineEdgeNorWebLayer() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".web..", ROOT + ".workflow..",
                        ROOT + ".portal..", ROOT + ".security..")
                .because("the web layer maps domain errors to HTTP answers; the engine edge calls the domain, "
                        + "never the reverse")
                .check(classes);
    }

    @Test
    void theCalendarStandsOnItsOwn() {
        noClasses().that().resideInAPackage(ROOT + ".calendar..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".casefile..", ROOT + ".intake..",
                        ROOT + ".notice..", ROOT + ".mail..")
                .check(classes);
    }

    @Test
    void noJava2DFontsFromStreams() {
        noClasses().should().callMethod(java.awt.Font.class, "createFont", int.class, java.io.InputStream.class)
                .orShould().callMethod(java.awt.Font.class, "createFonts", java.io.InputStream.class)
                .because("Java2D copies such a font into a temporary file that only a normal exit deletes: every "
                        + "killed process left the 15 MB font behind; draw text with common.OutlineText instead")
                .check(classes);
    }
}
