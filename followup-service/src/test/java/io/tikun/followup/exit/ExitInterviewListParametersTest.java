package io.tikun.followup.exit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The exit interview listing's query parameters, read once the patterns have let them through. */
class ExitInterviewListParametersTest {

    @Test
    void theStatePatternNamesEveryState() {
        for (ExitInterviewState state : ExitInterviewState.values()) {
            assertThat(state.name()).matches(ExitInterviewListParameters.STATE);
        }
        assertThat("OPEN,COMPLETED").doesNotMatch(ExitInterviewListParameters.STATE);
    }

    @Test
    void theSizePatternAllowsOneToTheMaximum() {
        assertThat("1").matches(ExitInterviewListParameters.SIZE);
        assertThat("99").matches(ExitInterviewListParameters.SIZE);
        assertThat("150").matches(ExitInterviewListParameters.SIZE);
        assertThat(String.valueOf(ExitInterviewListParameters.MAX_PAGE_SIZE)).matches(ExitInterviewListParameters.SIZE);
        assertThat("0").doesNotMatch(ExitInterviewListParameters.SIZE);
        assertThat("007").doesNotMatch(ExitInterviewListParameters.SIZE);
        assertThat(String.valueOf(ExitInterviewListParameters.MAX_PAGE_SIZE + 1))
                .doesNotMatch(ExitInterviewListParameters.SIZE);
    }

    @Test
    void defaultsToEveryStateOnTheFirstPage() {
        ExitInterviewListParameters parameters = new ExitInterviewListParameters();

        assertThat(parameters.state()).isNull();
        assertThat(parameters.page()).isZero();
        assertThat(parameters.size()).isEqualTo(ExitInterviewListParameters.DEFAULT_PAGE_SIZE);
    }

    @Test
    void readsTheStateAndThePage() {
        ExitInterviewListParameters parameters = new ExitInterviewListParameters();
        parameters.state = "COMPLETED";
        parameters.page = "3";
        parameters.size = "200";

        assertThat(parameters.state()).isEqualTo(ExitInterviewState.COMPLETED);
        assertThat(parameters.page()).isEqualTo(3);
        assertThat(parameters.size()).isEqualTo(200);
    }
}
