package io.orgshell.plan;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one plan the shell is working on, its preview once checked, and whether a run has finished it. Loading a new
 * plan drops the old preview; a load that fails leaves no plan at all, so a later {@code run} cannot act on the
 * plan the operator meant to replace.
 */
@Component
public class PlanSession {

    private volatile Plan plan;
    private volatile Preview preview;
    private volatile String finishedBy;
    private volatile boolean previewForgotten;

    public synchronized void load(Plan next) {
        this.plan = next;
        this.preview = null;
        this.finishedBy = null;
        this.previewForgotten = false;
    }

    /** A run finished the loaded plan: running it again takes a new load, or an explicit {@code run --again}. */
    public synchronized void finished(Plan ran, String runId) {
        if (ran == plan) {
            finishedBy = runId;
        }
    }

    /** The run that finished the loaded plan, if one did. */
    public Optional<String> finishedBy() {
        return Optional.ofNullable(finishedBy);
    }

    public synchronized void previewed(Preview next) {
        if (next.plan() != plan) {
            throw new IllegalStateException("the preview is not of the loaded plan");
        }
        this.preview = next;
        this.previewForgotten = false;
    }

    /** The org the preview was made against is no longer the connected one: the plan must be previewed again. */
    public synchronized void forgetPreview() {
        previewForgotten |= preview != null;
        preview = null;
    }

    /** Whether the loaded plan was previewed, but through a connection that has since changed. */
    public boolean previewForgotten() {
        return previewForgotten;
    }

    public Optional<Plan> plan() {
        return Optional.ofNullable(plan);
    }

    public Optional<Preview> preview() {
        return Optional.ofNullable(preview);
    }

    public synchronized void clear() {
        plan = null;
        preview = null;
        finishedBy = null;
    }
}
