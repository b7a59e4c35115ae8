package io.orgshell.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.api.Workspace;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessTargetsTest {

    static Workspace site(String id, String typeKey, String host) {
        return new Workspace(id, "workspace", new Workspace.Attributes("Jira", typeKey, "product", "online", host));
    }

    @Test
    void aProductKeyNamesASiteOnlyWhenTheOrgHasOneSiteOfThatProduct() {
        Workspace a = site("ari:cloud:jira-software::site/a", "jira-software", "https://a.atlassian.net");
        Workspace b = site("ari:cloud:jira-software::site/b", "jira-software", "https://b.atlassian.net");
        Workspace wiki = site("ari:cloud:confluence::site/a", "confluence", "https://a.atlassian.net");

        assertThat(AccessTargets.onlySiteOfItsProduct(List.of(a, wiki), a)).isTrue();
        assertThat(AccessTargets.onlySiteOfItsProduct(List.of(a, b, wiki), a))
                .as("with two Jira sites, having Jira does not say which")
                .isFalse();
        assertThat(AccessTargets.onlySiteOfItsProduct(List.of(a, b, wiki), wiki))
                .isTrue();
    }
}
