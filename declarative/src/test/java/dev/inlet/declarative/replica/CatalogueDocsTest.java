package dev.inlet.declarative.replica;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.declarative.Catalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/catalogue.md} is what {@link CatalogueDocs} renders from the entries; with
 * {@code -Dinlet.catalogue.write=true} the test rewrites it first (see {@link CatalogueDocs#REGENERATE}).
 */
class CatalogueDocsTest {

    /** The page, from the module's directory (where Maven runs the tests). */
    static final Path PAGE = Path.of("..", "docs", "catalogue.md");

    @Test
    void theCataloguePageIsUpToDate() throws IOException {
        String expected = CatalogueDocs.render();
        if (Boolean.getBoolean("inlet.catalogue.write")) {
            Files.writeString(PAGE, expected);
        }
        String actual = Files.exists(PAGE) ? Files.readString(PAGE) : "";
        assertThat(actual).as("docs/catalogue.md is out of date with the catalogue; regenerate it with: "
                + CatalogueDocs.REGENERATE).isEqualTo(expected);
    }

    @Test
    void thePageHasARowPerEntryAndNamesEveryEnvironmentVariableAsAReference() {
        String page = CatalogueDocs.render();
        for (String service : Catalogue.names()) {
            assertThat(page).contains("| `" + service + "` | ");
        }
        assertThat(page).contains("bearer `${env:STRIPE_API_KEY}`", "Basic, API key `${env:CHARGEBEE_API_KEY}` as"
                + " user name", "`Link` rel=\"next\"", "Relay (first 50)");
        assertThat(page.lines().filter(l -> l.startsWith("| `")).count())
                .isEqualTo(Catalogue.names().size() + VendorSpecTest.gaps().values().stream().mapToLong(m -> m.size())
                        .sum() + Catalogue.names().stream().mapToLong(s -> CatalogueDocs.sharing(
                                CatalogueReplicaTest.spec(s)).size()).sum());
        assertThat(page).contains("| `plaid` | POST /transactions/sync | removed_transactions | `/removed` |");
    }
}
