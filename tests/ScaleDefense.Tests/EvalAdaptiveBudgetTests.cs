using ScaleDefense.Cli.Eval;

namespace ScaleDefense.Tests;

/// <summary>The adaptive-attack table says how many attacks stopped at their work budget, so a low success rate is not read as the defense's alone.</summary>
public class EvalAdaptiveBudgetTests
{
    private static EvalRow Row(int @case, string measurement, double value, string note = "") =>
        new(@case, "[2, 3)", 2.5, "s", "t", new ImageSize(100, 100), new ImageSize(40, 40), "opencv:nearest", measurement, value, note);

    [Test]
    public void Cells_count_the_attacks_stopped_at_the_budget_and_stay_plain_otherwise()
    {
        var rows = new List<EvalRow>();
        for (int c = 0; c < 4; c++)
        {
            rows.Add(Row(c, EvalMeasurement.AdaptiveAvailable("median"), 1));
            rows.Add(Row(c, EvalMeasurement.AdaptiveAvailable("random"), 1));
            rows.Add(Row(c, EvalMeasurement.AdaptiveSuccess("median", 0.5), c == 0 ? 1 : 0));
            rows.Add(Row(c, EvalMeasurement.AdaptiveSuccess("random", 0.5), 0));
            rows.Add(Row(c, EvalMeasurement.AdaptiveBudgetHit("median", 0.5), c < 2 ? 1 : 0, c < 2 ? "stopped" : ""));
            rows.Add(Row(c, EvalMeasurement.AdaptiveBudgetHit("random", 0.5), 0));
        }
        EvalTable table = EvalTables.Adaptive(new EvalSummary(rows, ["opencv:nearest"]), [0.5]);
        Assert.Multiple(() =>
        {
            Assert.That(table.Rows[0][1], Is.EqualTo("median"));
            Assert.That(table.Rows[0][2], Does.Contain("25").And.EndsWith("(2 at budget)"));
            Assert.That(table.Rows[1][2], Does.Not.Contain("budget"));
            Assert.That(table.Caption, Does.Contain("MaxWindowPixels"));
        });
    }
}
