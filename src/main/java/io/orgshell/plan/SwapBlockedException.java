package io.orgshell.plan;

import io.orgshell.core.UserFacingException;

/**
 * A cycle of email swaps cannot run: the temporary address it would pass through belongs to an account already.
 * Preview refuses the plan rather than leave a cycle half done; the operator breaks the cycle by hand.
 */
public class SwapBlockedException extends UserFacingException {

    SwapBlockedException(String accountId, String temporary, String holder) {
        super("account " + accountId + " is in a swap of email addresses, which goes through the temporary address "
                + temporary + ", and account " + holder + " holds that address: take one row of the swap out of the "
                + "file and change it by hand (nothing was sent)");
    }
}
