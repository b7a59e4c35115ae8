package io.orgshell.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One of an account's API tokens as the user management API lists it ({@code ApiTokenModel}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserToken(String id, String label, String createdAt, String lastAccess) {}
