package io.orgshell.session;

/**
 * Published when the session opens a connection or closes one ({@code now} is then null): what was learnt through
 * the old connection (a preview, above all) no longer describes the org the next command talks to.
 */
public record ConnectionChanged(Connection now) {}
