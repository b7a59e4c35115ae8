package io.orgshell.command;

import io.orgshell.plan.RowCheck;

/** Why preview says what it says of a row, naming the option that lets a protected row through. */
final class RowReasons {

    private RowReasons() {}

    /** The reason, or null when preview gave none (an OK row). */
    static String of(RowCheck c) {
        return c.protection() == RowCheck.Protection.ADMINISTRATION
                ? c.reason() + " (preview --allow-admins to include)"
                : c.reason();
    }
}
