package io.orgshell.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.UserHome;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What home and the config directory are, from an environment given as a map (the real one stays as it is): {@code
 * $HOME} over the passwd entry's home, {@code $XDG_CONFIG_HOME} over {@code $HOME/.config}, and a configured
 * directory over both.
 */
class HomeAndConfigDirectoryTest {

    private static final String PASSWD_HOME = "/root";

    @Test
    void homeIsTheHomeVariableWhenItIsSetAndNotEmpty() {
        assertThat(home(Map.of("HOME", "/tmp/elsewhere")).directory()).isEqualTo(Path.of("/tmp/elsewhere"));
        assertThat(home(Map.of("HOME", "")).directory()).isEqualTo(Path.of(PASSWD_HOME));
        assertThat(home(Map.of()).directory()).isEqualTo(Path.of(PASSWD_HOME));
    }

    @Test
    void aTildeAloneOrBeforeASlashIsHomeAndNothingElseIs() {
        UserHome home = home(Map.of("HOME", "/tmp/elsewhere"));
        assertThat(home.expand("~")).isEqualTo("/tmp/elsewhere");
        assertThat(home.expand("~/u.csv")).isEqualTo("/tmp/elsewhere/u.csv");
        assertThat(home.expand("~/plans/")).isEqualTo("/tmp/elsewhere/plans/");
        assertThat(home.expand("~alice/u.csv")).isEqualTo("~alice/u.csv");
        assertThat(home.expand("plans/~/u.csv")).isEqualTo("plans/~/u.csv");
        assertThat(home.expand("~u.csv")).isEqualTo("~u.csv");
    }

    @Test
    void theConfigDirectoryIsUnderXdgConfigHomeWhenItIsSet() {
        assertThat(defaultRoot(Map.of("HOME", "/tmp/elsewhere", "XDG_CONFIG_HOME", "/tmp/xdg")))
                .isEqualTo(Path.of("/tmp/xdg/orgshell"));
    }

    @Test
    void theConfigDirectoryIsUnderHomeWhenXdgConfigHomeIsUnsetEmptyOrRelative() {
        Path underHome = Path.of("/tmp/elsewhere/.config/orgshell");
        assertThat(defaultRoot(Map.of("HOME", "/tmp/elsewhere"))).isEqualTo(underHome);
        assertThat(defaultRoot(Map.of("HOME", "/tmp/elsewhere", "XDG_CONFIG_HOME", "")))
                .isEqualTo(underHome);
        assertThat(defaultRoot(Map.of("HOME", "/tmp/elsewhere", "XDG_CONFIG_HOME", "relative/xdg")))
                .as("the XDG specification has a relative path ignored")
                .isEqualTo(underHome);
        assertThat(defaultRoot(Map.of("HOME", "", "XDG_CONFIG_HOME", "")))
                .isEqualTo(Path.of(PASSWD_HOME, ".config/orgshell"));
    }

    @Test
    void aConfiguredDirectoryWinsAndItsTildeIsHome() {
        UserHome home = home(Map.of("HOME", "/tmp/elsewhere", "XDG_CONFIG_HOME", "/tmp/xdg"));
        assertThat(ConfigDirectory.root(Path.of("/srv/orgshell"), home)).isEqualTo(Path.of("/srv/orgshell"));
        assertThat(ConfigDirectory.root(Path.of("~/orgshell-ci"), home))
                .isEqualTo(Path.of("/tmp/elsewhere/orgshell-ci"));
    }

    private static Path defaultRoot(Map<String, String> environment) {
        return ConfigDirectory.root(null, home(environment));
    }

    private static UserHome home(Map<String, String> environment) {
        return new UserHome(environment, PASSWD_HOME);
    }
}
