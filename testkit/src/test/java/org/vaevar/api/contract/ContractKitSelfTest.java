package org.vaevar.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.engine.TestExecutionResult;

/**
 * The kit must fail on wrong derivatives: the fixtures are run through the real JUnit engine, exactly as a
 * plugin's subclass would be, and the outcome of each contract test is asserted.
 */
class ContractKitSelfTest {

    private static Map<String, TestExecutionResult.Status> outcomes(Class<?> fixture) {
        List<Event> finished = EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute()
                .testEvents().finished().list();
        return finished.stream().collect(Collectors.toMap(
                e -> e.getTestDescriptor().getDisplayName().replace("()", ""),
                e -> e.getRequiredPayload(TestExecutionResult.class).getStatus()));
    }

    /** The failure message of one contract test of a fixture. */
    private static String failureMessage(Class<?> fixture, String test) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute()
                .testEvents().failed().list().stream()
                .filter(e -> e.getTestDescriptor().getDisplayName().replace("()", "").equals(test))
                .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage())
                .findFirst().orElseThrow(() -> new AssertionError(test + " of " + fixture.getSimpleName()
                        + " did not fail"));
    }

    @Test
    void passesACorrectMap() {
        assertThat(outcomes(KitFixtures.CorrectRing.class)).isNotEmpty()
                .allSatisfy((test, status) -> assertThat(status).as(test)
                        .isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
    }

    @Test
    void catchesAWrongAdjoint() {
        var outcomes = outcomes(KitFixtures.WrongAdjoint.class);
        assertThat(outcomes.get("adjointMatchesTangentLinear")).isEqualTo(TestExecutionResult.Status.FAILED);
        // The tangent-linear is right, so the Taylor tests still pass: the failure points at the adjoint.
        assertThat(outcomes.get("taylorRemainderIsSmall")).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(outcomes.get("taylorRemainderFallsLikeEpsilonSquared"))
                .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    }

    @Test
    void catchesAWrongTangentLinear() {
        var outcomes = outcomes(KitFixtures.WrongTangentLinear.class);
        assertThat(outcomes.get("taylorRemainderIsSmall")).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(outcomes.get("taylorRemainderFallsLikeEpsilonSquared"))
                .isEqualTo(TestExecutionResult.Status.FAILED);
        // TL and AD are consistent with each other: the dot-product test alone cannot see this error.
        assertThat(outcomes.get("adjointMatchesTangentLinear")).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    }

    @Test
    void aWrongTangentLinearIsReportedWithItsSlopeNotAsNaN() {
        String message = failureMessage(KitFixtures.WrongTangentLinear.class,
                "taylorRemainderFallsLikeEpsilonSquared");
        assertThat(message).doesNotContain("NaN").containsPattern("slope .* is 1\\.\\d{3}, expected 2 within 0\\.1")
                .contains("the tangent-linear is not the derivative of the map");
    }

    @Test
    void anUndeclaredAffineMapIsReportedAsNaNWithTheLinearHook() {
        String message = failureMessage(KitFixtures.AffineNotDeclaredLinear.class,
                "taylorRemainderFallsLikeEpsilonSquared");
        assertThat(message).contains("is NaN").contains("override linear() to return true");
    }

    @Test
    void theSlopeVerdictNamesTheMeasuredSlope() {
        assertThat(DifferentiableMapContract.slopeVerdict(1.0, 0.1)).doesNotContain("NaN").contains("is 1.000")
                .contains("first order in eps");
        assertThat(DifferentiableMapContract.slopeVerdict(2.5, 0.1)).contains("is 2.500")
                .contains("second derivative nearly vanishes");
        assertThat(DifferentiableMapContract.slopeVerdict(Double.NaN, 0.1)).contains("is NaN").contains("linear()");
    }

    @Test
    void passesALinearMapWithALargeOffsetAtLargePoints() {
        assertThat(outcomes(KitFixtures.CorrectAffine.class)).isNotEmpty()
                .allSatisfy((test, status) -> assertThat(status).as(test)
                        .isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
    }

    @Test
    void catchesANonlinearMapDeclaredLinear() {
        assertThat(outcomes(KitFixtures.NonlinearDeclaredLinear.class).get("taylorRemainderFallsLikeEpsilonSquared"))
                .isEqualTo(TestExecutionResult.Status.FAILED);
    }
}
