package io.starexport.core.internal;

import io.starexport.spi.OutputFormat;
import io.starexport.spi.Platform;
import io.starexport.testplatform.TestPlatform;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Discovery is deterministic: clashes are refused with both plugins named, explicit registrations win. */
class RegistryTest {

    /** The same id as the test platform from another class, as a second jar on the class path would bring. */
    static class Copycat extends io.starexport.DiscoveryTest.Impostor {
    }

    @Test
    void twoDiscoveredPluginsWithOneIdAreRefusedNamingBoth() {
        assertThatThrownBy(() -> Registry.create(List.of(), List.of(),
                List.of(new TestPlatform(), new Copycat()), List.<OutputFormat>of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Two platform plugins claim the id 'testplatform'")
                .hasMessageContaining(TestPlatform.class.getName())
                .hasMessageContaining(Copycat.class.getName());
    }

    @Test
    void anExplicitRegistrationSettlesAClash() {
        Platform chosen = new Copycat();
        Registry registry = Registry.create(List.of(chosen), List.of(), List.of(new TestPlatform(), new Copycat()),
                List.<OutputFormat>of());
        assertThat(registry.platform("testplatform")).containsSame(chosen);
    }

    @Test
    void pluginsBuiltForANewerSpiAreSkipped() {
        Platform future = new Copycat() {
            @Override
            public int spiVersion() {
                return Platform.SPI_VERSION + 1;
            }
        };
        assertThat(Registry.create(List.of(), List.of(), List.of(future), List.<OutputFormat>of()).platforms()).isEmpty();
        assertThatThrownBy(() -> Registry.create(List.of(future), List.of(), List.of(), List.<OutputFormat>of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SPI version");
    }

    @Test
    void namedCachesAreSharedByName() {
        PluginCaches caches = new PluginCaches();
        var tokens = caches.<String, String>get("reddit", "tokens", java.time.Duration.ofMinutes(5), 10);
        int[] loads = {0};
        assertThat(tokens.get("app", key -> "t" + ++loads[0])).isEqualTo("t1");
        assertThat(caches.<String, String>get("reddit", "tokens", java.time.Duration.ofMinutes(5), 10).get("app"))
                .hasValue("t1");
        assertThat(tokens.get("app", key -> "t" + ++loads[0])).isEqualTo("t1");
        tokens.invalidate("app");
        assertThat(tokens.get("app")).isEmpty();
        assertThat(caches.<String, String>get("youtube", "tokens", java.time.Duration.ofMinutes(5), 10).get("app")).isEmpty();
    }
}
