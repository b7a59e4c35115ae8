package io.orgshell.directory;

import io.orgshell.core.UsageException;

/**
 * A value of a request that the org refutes: a domain it does not have (or has not verified, where accounts are to
 * move), a group that no name or ID matches, or whose name several groups share. The message is about the value
 * alone; which part of the request held it is {@link #part()}, for the front end to name as the user gave it.
 */
public class RefusedValueException extends UsageException {

    /** The part of a request a value came from. */
    public enum Part {
        /** One of a selection's email domains. */
        DOMAIN,
        /** The group a selection takes its members from. */
        GROUP,
        /** The group an operation adds accounts to, or removes them from. */
        TARGET_GROUP,
        /** The domain a domain move takes its accounts from. */
        FROM_DOMAIN,
        /** The domain a domain move takes its accounts to. */
        TO_DOMAIN,
        /** The product whose access an operation grants or revokes. */
        PRODUCT,
        /** The authentication policy an operation adds accounts to. */
        POLICY
    }

    private final Part part;

    public RefusedValueException(Part part, String message) {
        super(message);
        this.part = part;
    }

    public Part part() {
        return part;
    }

    /** Whether the value is a domain, which the org's list of domains can tell about. */
    public boolean isDomain() {
        return part == Part.DOMAIN || part == Part.FROM_DOMAIN || part == Part.TO_DOMAIN;
    }
}
