package io.orgshell.session;

import java.net.URI;

/** What {@code connect} was told; every field may be null and is then looked up (env, profile, prompt). */
public record ConnectRequest(String profile, String orgId, URI baseUrl, boolean sandbox) {}
