using NUnit.Framework;
using OpenCvSharp;
using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>Objective O1 on the sample photos: the real scaler of the attack image gives the target.</summary>
[TestFixture]
public class StrongAttackSuccessTests
{
    [TestCase(ScalingAlgorithm.Nearest, InterpolationFlags.Nearest, 4)]
    [TestCase(ScalingAlgorithm.Nearest, InterpolationFlags.Nearest, 8)]
    [TestCase(ScalingAlgorithm.Bilinear, InterpolationFlags.Linear, 4)]
    [TestCase(ScalingAlgorithm.Bilinear, InterpolationFlags.Linear, 8)]
    [TestCase(ScalingAlgorithm.Bicubic, InterpolationFlags.Cubic, 4)]
    [TestCase(ScalingAlgorithm.Bicubic, InterpolationFlags.Cubic, 8)]
    public void OpenCvResizeOfThePngIsWithinEpsilonPlusOne(ScalingAlgorithm algorithm, InterpolationFlags flags, int ratio)
    {
        var source = new ImageSize(512, 512);
        var target = new ImageSize(512 / ratio, 512 / ratio);
        StrongAttackResult result = StrongAttackTestData.Attack(ScalingLibrary.OpenCV, algorithm, source, target);
        byte[] t = StrongAttackTestData.Photo("coffee", target);
        byte[] scaled = StrongAttackTestData.CvResizeOfPng(result.Attack.Image, source, 3, target, flags);
        (double max, double mean) = StrongAttackTestData.Differences(scaled, t);
        AttackVerification v = result.Attack.Verification;
        TestContext.Out.WriteLine($"OpenCV {algorithm} ratio {ratio}: cv::resize vs T max {max}, mean {mean:F3}; PSNR(A,S) {v.PsnrAttackToSource:F2} dB; " +
                                  $"columns raised {result.Statistics.ColumnsRaised}, repaired {result.Statistics.RepairedPixels}, {v.Runtime.TotalMilliseconds:F0} ms");
        double epsilon = v.EpsilonPerColumn.Max();
        Assert.That(max, Is.LessThanOrEqualTo(epsilon + 1));
        Assert.That(v.MaxDifferenceToTarget, Is.LessThanOrEqualTo(epsilon));
        Assert.That(result.Statistics.OutputsOff, Is.Zero);
    }

    [TestCase(ScalingAlgorithm.Nearest)]
    [TestCase(ScalingAlgorithm.Bilinear)]
    public void TensorFlow1ScaleOfTheAttackIsWithinEpsilonPlusOne(ScalingAlgorithm algorithm)
    {
        var source = new ImageSize(512, 512);
        var target = new ImageSize(64, 64);
        StrongAttackResult result = StrongAttackTestData.Attack(ScalingLibrary.TensorFlow1, algorithm, source, target);
        AttackVerification v = result.Attack.Verification;
        TestContext.Out.WriteLine($"TF1 {algorithm} ratio 8: scale(A) vs T max {v.MaxDifferenceToTarget:F3}, mean {v.MeanDifferenceToTarget:F3}; PSNR(A,S) {v.PsnrAttackToSource:F2} dB");
        Assert.That(v.MaxDifferenceToTarget, Is.LessThanOrEqualTo(v.EpsilonPerColumn.Max() + 1));
        Assert.That(v.PsnrAttackToSource, Is.GreaterThan(AttackVerification.StrongAboveDb));
    }

    [Test]
    public void TheResultDoesNotDependOnTheThreadCount()
    {
        var source = new ImageSize(256, 256);
        var target = new ImageSize(48, 40);
        StrongAttackResult one = StrongAttackTestData.Attack(ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, source, target, new() { Threads = 1 });
        StrongAttackResult three = StrongAttackTestData.Attack(ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, source, target, new() { Threads = 3 });
        Assert.That(three.Attack.Image, Is.EqualTo(one.Attack.Image));
        Assert.That(three.Attack.Verification.EpsilonPerColumn, Is.EqualTo(one.Attack.Verification.EpsilonPerColumn));
    }
}
