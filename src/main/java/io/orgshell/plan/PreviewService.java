package io.orgshell.plan;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.DirectoryClient;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * Checks the loaded plan against the live org and keeps the result as the session's preview. Email plans need
 * their own preview (targets held by other accounts, swaps ordered through a temporary address); every other
 * operation is checked row by row against the account's state.
 */
@Service
public class PreviewService {

    private final PlanSession plans;

    public PreviewService(PlanSession plans) {
        this.plans = plans;
    }

    public Preview preview(
            Plan plan,
            AdminApiClient client,
            DirectoryClient directory,
            PreviewOptions options,
            Consumer<Integer> accountsSeen) {
        Preview preview = plan.operation() == Operation.EMAIL
                ? new EmailPreview(client, directory, options).run(plan, accountsSeen)
                : new StatePreview(client, directory, options, OperationHandlers.of(plan.operation()))
                        .run(plan, accountsSeen);
        plans.previewed(preview);
        return preview;
    }
}
