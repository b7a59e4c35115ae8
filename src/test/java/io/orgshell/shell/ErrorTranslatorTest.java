package io.orgshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.core.UsageException;
import io.orgshell.directory.RefusedValueException;
import io.orgshell.directory.RefusedValueException.Part;
import org.junit.jupiter.api.Test;

/** What the user reads of an exception: domain errors worded with the options, faults of ours as internal errors. */
class ErrorTranslatorTest {

    @Test
    void anIllegalArgumentIsAnInternalErrorNotAUsageError() {
        ErrorTranslator.Failure f = ErrorTranslator.translate(new IllegalArgumentException("index 3 out of bounds"));
        assertThat(f.exitCode()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(f.message())
                .startsWith("internal error: IllegalArgumentException: index 3 out of bounds")
                .endsWith("(run with --debug for details)")
                .doesNotContain("\n");
    }

    @Test
    void aUsageExceptionStaysAUsageError() {
        ErrorTranslator.Failure f = ErrorTranslator.translate(new UsageException("--format: unknown format 'xml'"));
        assertThat(f.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(f.message()).isEqualTo("--format: unknown format 'xml'");
    }

    @Test
    void aRefusedValueIsNamedByTheOptionThatGaveIt() {
        assertThat(word(Part.DOMAIN, "x.example is not a domain of the organization"))
                .isEqualTo("--domain: x.example is not a domain of the organization (see 'domains list --all')");
        assertThat(word(Part.FROM_DOMAIN, "x.example is not a domain of the organization"))
                .startsWith("--from-domain: x.example");
        assertThat(word(Part.TO_DOMAIN, "acme.io is not verified (its claim is pending)"))
                .startsWith("--to-domain: acme.io is not verified");
        assertThat(word(Part.GROUP, "no group 'x' in the organization"))
                .isEqualTo("--group: no group 'x' in the organization");
        assertThat(word(Part.TARGET_GROUP, "no group 'x' in the organization"))
                .isEqualTo("no group 'x' in the organization");
        assertThat(ErrorTranslator.translate(new RefusedValueException(Part.GROUP, "no group 'x'"))
                        .exitCode())
                .isEqualTo(ExitCodes.USAGE);
    }

    private static String word(Part part, String message) {
        return ErrorTranslator.translate(new RefusedValueException(part, message))
                .message();
    }
}
