package io.orgshell.run;

import io.orgshell.core.ExitCodes;
import io.orgshell.core.Sanitizer;
import io.orgshell.core.UserFacingException;
import io.orgshell.session.Connection;

/**
 * A run belongs to the org it was made against: {@code resume} and {@code undo} refuse a run of another org, and,
 * for the embedded sandbox, of another start of it (a fresh sandbox has the last one's org ID, not its accounts).
 */
final class OrgBinding {

    private OrgBinding() {}

    /**
     * Throws, naming where the run belongs, unless it was made against the org of {@code connection}. {@code verb}
     * and {@code participle} name what was refused: "resume", "resumed".
     */
    static void require(RunMeta run, Connection connection, String verb, String participle) {
        if (run.madeAgainst(connection)) {
            return;
        }
        String name = run.orgName() == null ? run.orgId() : Sanitizer.forTerminal(run.orgName());
        if (!run.orgId().equals(connection.orgId())) {
            throw new UserFacingException(
                    "run " + run.id() + " belongs to organization " + name + " (" + run.orgId()
                            + "), not the one connected: connect to it to " + verb + " it",
                    ExitCodes.USAGE);
        }
        String why;
        if (run.sandboxInstance() != null && connection.sandboxInstance() != null) {
            why = "was made against sandbox " + RunMeta.shortInstance(run.sandboxInstance()) + " of " + name
                    + ", not this one (" + RunMeta.shortInstance(connection.sandboxInstance())
                    + "): every start of the sandbox is a fresh org with the same ID";
        } else if (run.sandboxInstance() != null) {
            why = "was made against sandbox " + RunMeta.shortInstance(run.sandboxInstance()) + " of " + name
                    + ", not the organization this session is connected to";
        } else {
            why = "was made against organization " + name + " (" + run.orgId() + "), not this session's sandbox "
                    + RunMeta.shortInstance(connection.sandboxInstance()) + " (a fresh org with the same ID)";
        }
        throw new UserFacingException(
                "run " + run.id() + " " + why + "; it cannot be " + participle + " here", ExitCodes.USAGE);
    }
}
