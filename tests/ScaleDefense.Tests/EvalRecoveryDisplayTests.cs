using ScaleDefense.Cli.Eval;

namespace ScaleDefense.Tests;

/// <summary>Robust scalers show recovery as not applicable (their attack is visible), never as a 0% that reads as a defense failure.</summary>
public class EvalRecoveryDisplayTests
{
    private static EvalRow Row(string scaler, string measurement, double value, string note = "") =>
        new(0, "[2, 3)", 2.5, "s", "t", new ImageSize(100, 100), new ImageSize(40, 40), scaler, measurement, value, note);

    [Test]
    public void Robust_scalers_show_not_applicable_and_vulnerable_ones_a_rate()
    {
        var rows = new List<EvalRow>
        {
            Row("opencv:area", EvalMeasurement.Verdict, 0, nameof(Verdict.Robust)),
            Row("opencv:area", EvalMeasurement.DefenseRecovered("median"), 0),
            Row("opencv:bilinear", EvalMeasurement.Verdict, 2, nameof(Verdict.Vulnerable)),
            Row("opencv:bilinear", EvalMeasurement.DefenseRecovered("median"), 1),
        };
        var summary = new EvalSummary(rows, ["opencv:area", "opencv:bilinear"]);
        Assert.Multiple(() =>
        {
            Assert.That(EvalTables.Recovery(summary, "opencv:area", "median"), Is.EqualTo("not applicable (attack visible)"));
            Assert.That(EvalTables.Recovery(summary, "opencv:bilinear", "median"), Does.Contain("100"));
            Assert.That(EvalTables.RobustScalers(summary), Is.EqualTo(new[] { "opencv:area" }));
        });
    }
}
