package io.orgshell.run;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.ApiException;
import io.orgshell.api.OrgAccount;
import io.orgshell.api.PolicyTask;
import io.orgshell.core.ExitCodes;
import io.orgshell.core.UserFacingException;
import io.orgshell.plan.Operation;
import io.orgshell.plan.PlanRow;
import io.orgshell.plan.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The writes of {@code policy-add}: the addresses go to the policy in batches of at most {@code batchSize}, each batch
 * one add-users request answered by a task. The task is journaled ({@code task}: its ID, the steps and addresses in it)
 * before anything waits on it, then polled with backoff until it reports each address's outcome, which becomes the
 * step's result. A resumed run polls the tasks its journal holds for steps without a result instead of sending them
 * again; a task still in progress after {@code maxWait} stops the run for resume.
 */
final class PolicyTasks {

    /** How tasks are sent and polled: {@code firstPoll} doubling up to {@code maxPoll}, for at most {@code maxWait}. */
    record Polling(int batchSize, Duration firstPoll, Duration maxPoll, Duration maxWait) {}

    /** A task a journal records: its ID and, by step, the address sent. */
    record Recorded(String taskId, Map<Integer, String> emails) {}

    private final AdminApiClient client;
    private final List<PlanRow> rows;
    private final StepResults results;
    private final RunStop stop;
    private final Polling polling;
    private final String runId;
    /** By step, the task the journal says it was sent in. */
    private final Map<Integer, Recorded> recorded;

    PolicyTasks(
            AdminApiClient client,
            List<PlanRow> rows,
            StepResults results,
            RunStop stop,
            Polling polling,
            String runId,
            Map<Integer, Recorded> recorded) {
        this.client = client;
        this.rows = rows;
        this.results = results;
        this.stop = stop;
        this.polling = polling;
        this.runId = runId;
        this.recorded = new HashMap<>(recorded);
    }

    static boolean writes(Operation op) {
        return op == Operation.POLICY_ADD;
    }

    /**
     * The tasks a run's journal records, by step: the latest task each step was sent in. A step sent again ("retry
     * failed") has an {@code intent} after its first task: until a task of its own follows, it was sent in none that
     * can tell (resume then finds it uncertain, as any write whose answer was lost).
     */
    static Map<Integer, Recorded> recorded(Path journal) throws IOException {
        Map<Integer, Recorded> out = new HashMap<>();
        JournalLines.read(journal, 0, Files.size(journal), node -> {
            String event = node.path("event").asString("");
            if ("intent".equals(event)) {
                out.remove(node.path("step").asInt());
            } else if ("task".equals(event)) {
                Map<Integer, String> emails = new LinkedHashMap<>();
                node.path("steps")
                        .forEach(s -> emails.put(
                                s.path("step").asInt(), s.path("email").asString("")));
                Recorded r = new Recorded(node.path("task").asString(), emails);
                emails.keySet().forEach(step -> out.put(step, r));
            }
        });
        return out;
    }

    /** Sends the batch's steps not sent yet, then polls every task its steps are in, until each step has a result. */
    void run(List<Step> batch, Consumer<StepResult> onResult) {
        Map<String, Recorded> tasks = new LinkedHashMap<>();
        List<Step> fresh = new ArrayList<>();
        for (Step s : batch) {
            Recorded r = recorded.get(s.number());
            if (r != null) {
                tasks.put(r.taskId(), r);
            } else {
                fresh.add(s);
            }
        }
        // one task adds its addresses to one policy: a file naming several policies is sent policy by policy
        Map<String, List<Step>> byPolicy = new LinkedHashMap<>();
        fresh.forEach(s ->
                byPolicy.computeIfAbsent(policyOf(s), k -> new ArrayList<>()).add(s));
        for (List<Step> same : byPolicy.values()) {
            for (int from = 0; from < same.size() && !stop.requested(); from += polling.batchSize()) {
                send(same.subList(from, Math.min(same.size(), from + polling.batchSize())), onResult)
                        .ifPresent(r -> tasks.put(r.taskId(), r));
            }
        }
        for (Recorded task : tasks.values()) {
            if (stop.requested()) {
                return;
            }
            poll(task, onResult);
        }
    }

    /**
     * "Retry failed": these steps are sent again in a new task, not looked up in the task that failed them (polling
     * it again would only say the same).
     */
    void forget(List<Step> steps) {
        steps.forEach(s -> recorded.remove(s.number()));
    }

    private static String policyOf(Step s) {
        return s.to().substring(s.to().indexOf(':') + 1);
    }

    private Optional<Recorded> send(List<Step> chunk, Consumer<StepResult> onResult) {
        Map<Integer, String> emails = emails(chunk);
        String policyId = policyOf(chunk.get(0));
        for (Step s : chunk) {
            if (emails.get(s.number()).isEmpty()) {
                emails.remove(s.number());
                record(
                        new StepResult(
                                s.number(), Outcome.FAILED, 0, null, "no email address: the policy takes addresses"),
                        onResult);
            }
        }
        if (emails.isEmpty()) {
            return Optional.empty();
        }
        for (Step s : chunk) {
            if (emails.containsKey(s.number())) {
                results.journal().intent(s.number(), s.accountId(), s.from(), s.to());
            }
        }
        PolicyTask.Accepted accepted;
        try {
            accepted = client.policies().addUsers(policyId, List.copyOf(emails.values()));
        } catch (ApiException e) {
            if (e.status() == 401) {
                throw e;
            }
            for (Integer step : emails.keySet()) {
                record(new StepResult(step, Outcome.FAILED, e.status(), e.code(), e.getMessage()), onResult);
            }
            return Optional.empty();
        }
        List<Object> steps = new ArrayList<>();
        emails.forEach((step, email) -> steps.add(Map.of("step", step, "email", email)));
        results.journal().append("task", Map.of("task", accepted.taskId(), "policy", policyId, "steps", steps));
        Recorded r = new Recorded(accepted.taskId(), emails);
        emails.keySet().forEach(step -> recorded.put(step, r));
        return Optional.of(r);
    }

    private void poll(Recorded task, Consumer<StepResult> onResult) {
        Duration pause = polling.firstPoll();
        long deadline = System.nanoTime() + polling.maxWait().toNanos();
        while (true) {
            PolicyTask t = client.policies().task(task.taskId());
            if (!t.inProgress()) {
                settle(task, t, onResult);
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new UserFacingException(
                        "the policy's add-users task " + task.taskId() + " is still in progress after "
                                + polling.maxWait().toSeconds() + " s: run " + runId
                                + " stopped; resume " + runId + " polls the task again and sends nothing again",
                        ExitCodes.FAILED);
            }
            if (!stop.pause(pause)) {
                return; // Ctrl-C: the task is in the journal, resume polls it
            }
            pause = RunStop.doubled(pause, polling.maxPoll());
        }
    }

    private void settle(Recorded task, PolicyTask t, Consumer<StepResult> onResult) {
        Map<String, PolicyTask.UserOutcome> byEmail = new HashMap<>();
        for (PolicyTask.UserOutcome o : t.users() == null ? List.<PolicyTask.UserOutcome>of() : t.users()) {
            if (o.user() != null) {
                byEmail.put(o.user().toLowerCase(Locale.ROOT), o);
            }
        }
        task.emails().forEach((step, email) -> {
            if (results.has(step)) {
                return;
            }
            PolicyTask.UserOutcome o = byEmail.get(email.toLowerCase(Locale.ROOT));
            StepResult r;
            if (o != null && o.succeeded()) {
                r = new StepResult(step, Outcome.APPLIED, 202, null, null);
            } else if (o != null && o.failed()) {
                r = new StepResult(
                        step, Outcome.FAILED, 0, "task-" + o.status(), Objects.toString(o.reason(), "the task failed"));
            } else {
                r = new StepResult(
                        step,
                        Outcome.FAILED,
                        0,
                        "task-" + t.status(),
                        "task " + task.taskId() + " ended without an outcome for " + email);
            }
            record(r, onResult);
        });
    }

    private void record(StepResult r, Consumer<StepResult> onResult) {
        results.record(r);
        onResult.accept(r);
    }

    /** The address each step adds, by step: the row's, else the directory's (one search for all), else empty. */
    private Map<Integer, String> emails(List<Step> chunk) {
        Map<Integer, String> out = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Step s : chunk) {
            String own = rows.get(s.rowIndex()).value(Operation.Columns.EMAIL);
            out.put(s.number(), own == null ? "" : own.strip());
            if (own == null || own.isBlank()) {
                unknown.add(s.accountId());
            }
        }
        if (!unknown.isEmpty()) {
            Map<String, String> found = new HashMap<>();
            for (OrgAccount a : client.directory().accountsById(unknown, 1)) {
                if (a.accountId() != null && a.email() != null) {
                    found.put(a.accountId(), a.email());
                }
            }
            for (Step s : chunk) {
                if (out.get(s.number()).isEmpty()) {
                    out.put(s.number(), found.getOrDefault(s.accountId(), ""));
                }
            }
        }
        return out;
    }
}
