package io.orgshell.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link SeedGenerator} produces: the org's whole initial state. The account at position {@code i} belongs to
 * directory {@code i % directories.size()}.
 */
record SeedData(
        String orgName,
        List<SandboxUser> users,
        String callerAccountId,
        List<SandboxDomain> domains,
        List<SandboxGroup> groups,
        Map<String, Set<String>> membersByGroupId,
        List<SandboxDirectory> directories) {}
