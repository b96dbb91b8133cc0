using NUnit.Framework;
using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>
/// The paper's negative results against Pillow (sections 5.2 and 5.3.1) at β ∈ [4, 5): the plain
/// attack reaches the target but the attack image is visibly altered; the limited-change attack
/// (2 free pixels per kernel, the others within ±10) keeps the image close to the source but does
/// not reach the target.
/// </summary>
[TestFixture]
public class StrongAttackPillowTests
{
    private static readonly ImageSize Source = new(128, 128);
    private static readonly ImageSize Target = new(28, 28); // β ≈ 4.57

    [TestCase(ScalingAlgorithm.Bilinear)]
    [TestCase(ScalingAlgorithm.Bicubic)]
    public void ThePlainAttackIsVisible(ScalingAlgorithm algorithm)
    {
        StrongAttackResult result = StrongAttackTestData.Attack(ScalingLibrary.Pillow, algorithm, Source, Target);
        AttackVerification v = result.Attack.Verification;
        TestContext.Out.WriteLine($"Pillow {algorithm} 128->28: PSNR(A,S) {v.PsnrAttackToSource:F2} dB, scale(A) vs T max {v.MaxDifferenceToTarget}, mean {v.MeanDifferenceToTarget:F3}, " +
                                  $"columns raised {result.Statistics.ColumnsRaised}, max ε {v.EpsilonPerColumn.Max()}, gap {result.Statistics.MaxRelativeGap:E1}");
        // O2 fails as in the paper. O1 is reported, not asserted: the two-step decomposition leaves
        // some outputs beyond their column's ε where Pillow's wide kernels overlap (docs/attacks.md).
        Assert.That(v.PsnrAttackToSource, Is.LessThan(AttackVerification.VisibleBelowDb));
        Assert.That(v.MeanDifferenceToTarget, Is.LessThan(10));
    }

    [TestCase(ScalingAlgorithm.Bilinear)]
    [TestCase(ScalingAlgorithm.Bicubic)]
    public void TheLimitedChangeAttackStaysCloseButMissesTheTarget(ScalingAlgorithm algorithm)
    {
        StrongAttackResult result = StrongAttackTestData.Attack(ScalingLibrary.Pillow, algorithm, Source, Target, StrongAttackOptions.PillowLimitedChange);
        AttackVerification v = result.Attack.Verification;
        byte[] s = StrongAttackTestData.Photo("astronaut", Source);
        // The free pixels of the final image: the 2 largest weights of each row of Rᵀ (the horizontal step's kernels).
        using ScalingModel model = ScalingModel.Create(ScalingLibrary.Pillow, algorithm, Source, Target);
        var free = new bool[Source.Width];
        for (int j = 0; j < Target.Width; j++)
        {
            int[] indices = model.GetRight(SampleType.UInt8).GetSourceIndices(j).ToArray();
            double[] weights = model.GetRight(SampleType.UInt8).GetWeights(j).ToArray();
            foreach (int k in Enumerable.Range(0, indices.Length).OrderByDescending(k => weights[k]).ThenBy(k => k).Take(2))
            {
                free[indices[k]] = true;
            }
        }
        int changedBeyondTen = 0, changedBeyondTenOutsideFree = 0;
        for (int i = 0; i < s.Length; i++)
        {
            bool changed = Math.Abs(result.Attack.Image[i] - s[i]) > 10;
            changedBeyondTen += changed ? 1 : 0;
            changedBeyondTenOutsideFree += changed && !free[i / 3 % Source.Width] ? 1 : 0;
        }
        int withinEpsilon = v.EpsilonPerColumn.Count(e => e <= StrongAttackOptions.Default.Epsilon);
        TestContext.Out.WriteLine($"Pillow {algorithm} limited change: PSNR(A,S) {v.PsnrAttackToSource:F2} dB, scale(A) vs T max {v.MaxDifferenceToTarget}, mean {v.MeanDifferenceToTarget:F2}, " +
                                  $"columns at ε = 1: {withinEpsilon} of {Target.Width}, infeasible at ε = 50: {result.Statistics.ColumnsInfeasible}, " +
                                  $"samples changed by > 10: {changedBeyondTen} of {s.Length} (free columns: {free.Count(f => f)} of {Source.Width})");
        Assert.That(v.MaxDifferenceToTarget, Is.GreaterThan(StrongAttackOptions.Default.Epsilon + 1), "O1 is not reached");
        Assert.That(changedBeyondTenOutsideFree, Is.Zero, "only the free pixels change by more than 10");
    }
}
