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
