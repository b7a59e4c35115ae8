package io.orgshell.run;

import io.orgshell.core.ExitCodes;
import io.orgshell.core.OwnerOnlyFiles;
import io.orgshell.core.UserFacingException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One writer per org: {@code run}, {@code resume} and the run of an undo plan hold
 * {@code <config dir>/locks/<org ID>.lock} for as long as they may write, so that a person and a scheduled script
 * never send the same plan twice. The lock is the OS's, on this machine: processes on two machines that share a
 * config directory over a network file system, or that use two config directories, are not kept apart.
 */
final class WriterLock {

    /** How often a writer that waits (--wait) tries the lock again. */
    static final Duration POLL = Duration.ofMillis(200);

    private WriterLock() {}

    static Path file(Path locks, String orgId) {
        return locks.resolve(orgId.replaceAll("[^A-Za-z0-9._-]", "_") + ".lock");
    }

    /**
     * Takes the org's writer lock for {@code me}. Held by a live process: refused at once, naming it, unless
     * {@code wait}, which says once whom it waits for and tries again until the lock is free or the thread is
     * interrupted (Ctrl-C). A lock left by a process that is gone is taken over, and {@code notes} hears so.
     */
    static LockFile take(
            Path locks, String orgId, String orgName, LockFile.Holder me, boolean wait, Consumer<String> notes) {
        Path file = file(locks, orgId);
        boolean told = false;
        while (true) {
            Optional<LockFile> taken;
            try {
                OwnerOnlyFiles.ensureDirectory(locks);
                taken = LockFile.tryTake(file, me);
            } catch (IOException e) {
                throw new UserFacingException("cannot take the writer lock " + file + " (" + RunFileFailure.reason(e)
                        + "); nothing was sent");
            }
            if (taken.isPresent()) {
                taken.get()
                        .previous()
                        .ifPresent(gone ->
                                notes.accept("took over the lock of " + gone.describe() + ", whose process is gone"));
                return taken.get();
            }
            String holder =
                    LockFile.holder(file).map(LockFile.Holder::describeSince).orElse("another orgshell process");
            if (!wait) {
                throw new WriterBusyException(orgName, holder);
            }
            if (!told) {
                notes.accept("waiting for " + holder + " to finish writing to " + orgName + " (Ctrl-C stops waiting)");
                told = true;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                throw new UserFacingException(
                        "stopped waiting for " + holder + "; nothing was sent", ExitCodes.INTERRUPTED);
            }
        }
    }
}
