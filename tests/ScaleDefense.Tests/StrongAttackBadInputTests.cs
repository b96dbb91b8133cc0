using NUnit.Framework;
using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>Infeasible or malformed requests give clear ArgumentExceptions.</summary>
[TestFixture]
public class StrongAttackBadInputTests
{
    private static readonly ImageLayout SourceLayout = new(64, 64, 1);
    private static readonly ImageLayout TargetLayout = new(16, 16, 1);

    private static ScalingModel Model() => ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, new(64, 64), new(16, 16));

    [Test]
    public void TargetOfTheWrongSize()
    {
        using ScalingModel model = Model();
        var e = Assert.Throws<ArgumentException>(() => new StrongScalingAttack(model).Run(new byte[64 * 64], SourceLayout, new byte[20 * 16], new ImageLayout(20, 16, 1)));
        Assert.That(e!.Message, Does.Contain("target size"));
    }

    [Test]
    public void SourceOfTheWrongSize()
    {
        using ScalingModel model = Model();
        var e = Assert.Throws<ArgumentException>(() => new StrongScalingAttack(model).Run(new byte[60 * 64], new ImageLayout(60, 64, 1), new byte[16 * 16], TargetLayout));
        Assert.That(e!.Message, Does.Contain("source size"));
    }

    [Test]
    public void MismatchedChannels()
    {
        using ScalingModel model = Model();
        var e = Assert.Throws<ArgumentException>(() => new StrongScalingAttack(model).Run(new byte[64 * 64], SourceLayout, new byte[16 * 16 * 3], new ImageLayout(16, 16, 3)));
        Assert.That(e!.Message, Does.Contain("channels"));
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    public void EpsilonNotPositive(double epsilon)
    {
        using ScalingModel model = Model();
        var e = Assert.Throws<ArgumentException>(() => new StrongScalingAttack(model, new() { Epsilon = epsilon }).Run(new byte[64 * 64], SourceLayout, new byte[16 * 16], TargetLayout));
        Assert.That(e!.Message, Does.Contain("Epsilon"));
    }

    [Test]
    public void MaxEpsilonBelowEpsilon()
    {
        using ScalingModel model = Model();
        Assert.Throws<ArgumentException>(() => new StrongScalingAttack(model, new() { Epsilon = 5, MaxEpsilon = 2 }).Run(new byte[64 * 64], SourceLayout, new byte[16 * 16], TargetLayout));
    }

    // Was a signed overflow of the native ε-level count (UBSan); now refused on both sides.
    [Test]
    public void LevelCountBeyondIntIsRefused()
    {
        using ScalingModel model = Model();
        var e = Assert.Throws<ArgumentException>(() => new StrongScalingAttack(model, new() { MaxEpsilon = 2147483648, Epsilon = 1, EpsilonStep = 1 })
            .Run(new byte[64 * 64], SourceLayout, new byte[16 * 16], TargetLayout));
        Assert.That(e!.Message, Does.Contain("at most 100000").And.Contain("Raise EpsilonStep"));
    }

    // Was a float-to-int overflow of the native ε-level count (UBSan), through the limited-change attack.
    [Test]
    public void TinyStepWithHugeMaxEpsilonIsRefused()
    {
        using ScalingModel model = Model();
        var options = new StrongAttackOptions { LimitedChange = true, FreePixels = 0, MaxChange = 0, EpsilonStep = 1e-300, MaxEpsilon = 1e300 };
        var e = Assert.Throws<ArgumentException>(() => new StrongScalingAttack(model, options).Run(new byte[64 * 64], SourceLayout, new byte[16 * 16], TargetLayout));
        Assert.That(e!.Message, Does.Contain("EpsilonStep"));
    }

    [Test]
    public void LevelsAtTheBoundAreAccepted()
    {
        using ScalingModel model = Model();
        var target = new byte[16 * 16];
        Array.Fill(target, (byte)120);
        var atBound = new StrongAttackOptions { MaxEpsilon = 0.25 + (StrongAttackOptions.MaxEpsilonLevels - 1) };
        Assert.That(new StrongScalingAttack(model, atBound).Run(new byte[64 * 64], SourceLayout, target, TargetLayout).Attack.Verification.MaxDifferenceToTarget,
                    Is.LessThanOrEqualTo(1));
        var beyond = atBound with { MaxEpsilon = 0.25 + StrongAttackOptions.MaxEpsilonLevels };
        Assert.Throws<ArgumentException>(() => new StrongScalingAttack(model, beyond).Run(new byte[64 * 64], SourceLayout, target, TargetLayout));
    }

    [TestCase(-1)]
    [TestCase(257)]
    [TestCase(5_000_000)]
    [TestCase(int.MaxValue)]
    public void ThreadsOutsideTheirRange(int threads)
    {
        using ScalingModel model = Model();
        var e = Assert.Throws<ArgumentException>(() => new StrongScalingAttack(model, new() { Threads = threads }).Run(new byte[64 * 64], SourceLayout, new byte[16 * 16], TargetLayout));
        Assert.That(e!.Message, Does.Contain($"Threads must be in 0..{StrongAttackOptions.MaxThreads}"));
    }

    [Test]
    public void SourceSmallerThanTarget()
    {
        using ScalingModel model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, new(16, 16), new(64, 64));
        var e = Assert.Throws<ArgumentException>(() => new StrongScalingAttack(model).Run(new byte[16 * 16], new ImageLayout(16, 16, 1), new byte[64 * 64], new ImageLayout(64, 64, 1)));
        Assert.That(e!.Message, Does.Contain("smaller than target"));
    }

    [Test]
    public void SpanShorterThanItsLayout()
    {
        using ScalingModel model = Model();
        Assert.Throws<ArgumentException>(() => new StrongScalingAttack(model).Run(new byte[100], SourceLayout, new byte[16 * 16], TargetLayout));
    }

    [Test]
    public void NullModel() => Assert.Throws<ArgumentNullException>(() => _ = new StrongScalingAttack(null!));

    [Test]
    public void PaddedRowsAreAccepted()
    {
        using ScalingModel model = Model();
        var padded = new ImageLayout(64, 64, 1, rowStride: 70);
        var source = new byte[padded.RequiredLength];
        var target = new byte[16 * 16];
        Array.Fill(target, (byte)200);
        StrongAttackResult r = new StrongScalingAttack(model).Run(source, padded, target, TargetLayout);
        Assert.That(r.Attack.Verification.MaxDifferenceToTarget, Is.LessThanOrEqualTo(1));
    }
}
