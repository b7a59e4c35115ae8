package io.orgshell.run;

import io.orgshell.core.UserFacingException;

/** Another process holds the org's writer lock, and the run was not told to wait for it: nothing was sent. */
public class WriterBusyException extends UserFacingException {

    private final String orgName;
    private final String holder;

    WriterBusyException(String orgName, String holder) {
        super(orgName + " is being written to by " + holder + "; nothing was sent (try again when it ends)");
        this.orgName = orgName;
        this.holder = holder;
    }

    public String orgName() {
        return orgName;
    }

    /** Who holds the lock: a process, its host and since when, as far as the lock file tells. */
    public String holder() {
        return holder;
    }
}
