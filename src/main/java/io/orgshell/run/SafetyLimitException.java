package io.orgshell.run;

import io.orgshell.core.ExitCodes;
import io.orgshell.core.UserFacingException;

/** A run refused for going beyond the safety limit, which the operator did not override: nothing was sent. */
public class SafetyLimitException extends UserFacingException {

    private final String breach;

    SafetyLimitException(String breach) {
        super("refusing to " + breach + " unless the safety limit is overridden", ExitCodes.USAGE);
        this.breach = breach;
    }

    /** What the plan would do beyond the limit: "suspend 14 of 55 managed accounts (more than 20%) in Acme". */
    public String breach() {
        return breach;
    }
}
