package io.orgshell.plan;

import java.util.Optional;

import org.springframework.stereotype.Component;

/** The plan the shell is working on and, once checked, its preview. Loading a new plan drops the old preview. */
@Component
public class PlanSession {

    private volatile Plan plan;
    private volatile Preview preview;

    public synchronized void load(Plan next) {
        this.plan = next;
        this.preview = null;
    }

    public synchronized void previewed(Preview next) {
        if (next.plan() != plan) {
            throw new IllegalStateException("the preview is not of the loaded plan");
        }
        this.preview = next;
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
    }
}
