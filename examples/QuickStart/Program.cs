// The README's C# examples, runnable: dotnet run --project examples/QuickStart -- samples/images/coffee.png
// Each <readme:NAME> region is quoted verbatim in README.md; ReadmeSnippetTests fails when they drift.
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using OpenCvSharp;
using ScaleDefense;
using ScaleDefense.OpenCvSharp;
using ScaleDefense.SkiaSharp;
using SkiaSharp;

string photo = args.Length > 0 ? args[0] : Path.Combine("samples", "images", "coffee.png");
if (!File.Exists(photo))
{
    Console.Error.WriteLine($"error: {photo} does not exist; pass the path of a photo");
    return 1;
}

// <readme:model>
using Mat image = Cv2.ImRead(photo, ImreadModes.Color);        // 8-bit BGR, e.g. 600x400
var size = new ImageSize(image.Cols, image.Rows);
using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, size, new ImageSize(224, 224));
Console.WriteLine($"backend: {model.Backend}");                // Native, or Managed where libscaledefense does not load

// Is it attackable? The verdict, the reasons, and what to do.
VulnerabilityReport report = model.Analyze();
Console.WriteLine($"verdict: {report.Verdict} (r = {report.ConsideredPixelRatio:0.###})");

// The coefficient matrices: scale(X) = L·X·R, per channel.
CoefficientMatrix left = model.Left;                           // 224 x 400, sparse
ReadOnlySpan<int> rowsRead = left.GetSourceIndices(0);         // the source rows output row 0 reads
Console.WriteLine($"source rows read by output row 0: {string.Join(", ", rowsRead.ToArray())}");

// Exactly what Cv2.Resize produces, straight from a Mat (ScaleDefense.OpenCvSharp) ...
using Mat scaled = model.Scale(image);
// ... or from spans into a caller-owned buffer (any row stride; no allocation).
byte[] pixels = new byte[size.Width * size.Height * 3];
image.GetArray(out Vec3b[] bgr);
MemoryMarshal.AsBytes(bgr.AsSpan()).CopyTo(pixels);
byte[] output = new byte[224 * 224 * 3];
model.Scale(pixels, new ImageLayout(size.Width, size.Height, 3), output, new ImageLayout(224, 224, 3));
// </readme:model>

using Mat reference = new();
Cv2.Resize(image, reference, new Size(224, 224));
reference.GetArray(out Vec3b[] expected);
Console.WriteLine($"identical to Cv2.Resize: {MemoryMarshal.AsBytes(expected.AsSpan()).SequenceEqual(output)}");
Console.WriteLine($"scaled sha256: {Convert.ToHexString(SHA256.HashData(output))}");

// <readme:secure>
// At startup: one SecureScaler per (library, algorithm, target size), shared by all requests and threads.
using var secure = new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, new ImageSize(224, 224),
                                    new SecureScalerOptions { Filter = new ReconstructionOptions { Seed = 1 } });

// Per request, instead of Cv2.Resize(image, resized, new Size(224, 224)):
using Mat resized = image.SecureResize(secure, out Reconstruction applied);
Console.WriteLine($"secure resize applied: {applied}");        // Median for this vulnerable scaler, None for robust ones

// Span-based, allocation-free once warm:
byte[] safe = new byte[224 * 224 * 3];
secure.Resize(pixels, new ImageLayout(size.Width, size.Height, 3), safe, new ImageLayout(224, 224, 3));
// </readme:secure>
Console.WriteLine($"secure sha256: {Convert.ToHexString(SHA256.HashData(safe))}");

// <readme:skiasharp>
// SkiaSharp (ScaleDefense.SkiaSharp): the sampling your service resizes with, defended.
var mitchell = new SKSamplingOptions(SKCubicResampler.Mitchell);
using SecureScaler skiaSecure = mitchell.CreateSecureScaler(new ImageSize(224, 224),
                                                            new SecureScalerOptions { Filter = new ReconstructionOptions { Seed = 1 } });
using SKBitmap bitmap = SKBitmap.Decode(photo);                // 8-bit, premultiplied (Bgra8888 or Rgba8888)
// Per request, instead of bitmap.Resize(new SKImageInfo(224, 224), mitchell):
using SKBitmap skiaDefended = bitmap.SecureResize(skiaSecure, out Reconstruction skiaApplied);
Console.WriteLine($"SkiaSharp secure resize applied: {skiaApplied}");

// The exact model of bitmap.Resize with that sampling: its verdict, matrices and bytes.
using ScalingModel skiaModel = bitmap.CreateModel(new ImageSize(224, 224), mitchell);
Console.WriteLine($"SkiaSharp Mitchell verdict: {skiaModel.Analyze().Verdict}");
// </readme:skiasharp>

// <readme:attack>
// Red-team a pipeline: an image that looks like the photo but scales to a chosen target.
using var attackModel = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, size, new ImageSize(size.Width / 4, size.Height / 4));
var targetLayout = new ImageLayout(size.Width / 4, size.Height / 4, 3);
using Mat upsideDown = image.Flip(FlipMode.XY).Resize(new Size(targetLayout.Width, targetLayout.Height));
upsideDown.GetArray(out Vec3b[] targetPixels);                 // the photo upside down: what the model should see
byte[] target = MemoryMarshal.AsBytes(targetPixels.AsSpan()).ToArray();
try
{
    StrongAttackResult attack = new StrongScalingAttack(attackModel).Run(pixels, new ImageLayout(size.Width, size.Height, 3), target, targetLayout);
    Console.WriteLine($"strong attack: scaled output within {attack.Attack.Verification.MaxDifferenceToTarget:0.#} grey levels of the target, " +
                      $"PSNR to the photo {attack.Attack.Verification.PsnrAttackToSource:0.0} dB");
}
catch (NotSupportedException e)                                // the solver is native-only: the managed backend says so
{
    Console.WriteLine($"strong attack: not available: {e.Message}");
}
// </readme:attack>

// <readme:detect>
// Know, not only prevent: is this upload an attack against my scaler? (`scaledefense detect` exits 3 when it is)
DetectionReport verdict = attackModel.Detect(pixels, new ImageLayout(size.Width, size.Height, 3));
Console.WriteLine($"detect: {verdict.Verdict}: {verdict.Reason}");
// SecureScaler tells the same while it defends, for one more scale of the image:
secure.Resize(pixels, new ImageLayout(size.Width, size.Height, 3), safe, new ImageLayout(224, 224, 3), out Suspicion suspicion);
Console.WriteLine($"suspicious upload: {suspicion.IsSuspicious} (score {suspicion.Score:0.#}, threshold {suspicion.Threshold:0.#})");
// </readme:detect>

// <readme:probe>
// Defend a resize ScaleDefense does not model (here OpenCV's INTER_LINEAR_EXACT): probe it as an 8-bit black box
// at the size you serve, build a model from the probe, and put the defense in front of it.
ByteScaler linearExact = (ReadOnlySpan<byte> src, ImageLayout srcLayout, Span<byte> dst, ImageLayout dstLayout) =>
{
    using Mat input = Mat.FromPixelData(srcLayout.Height, srcLayout.Width, MatType.CV_8UC1, src.ToArray(), srcLayout.RowStride);
    using Mat scaled = input.Resize(new Size(dstLayout.Width, dstLayout.Height), 0, 0, InterpolationFlags.LinearExact);
    scaled.GetArray(out byte[] scaledPixels);
    for (int y = 0; y < dstLayout.Height; y++)
    {
        scaledPixels.AsSpan(y * dstLayout.Width, dstLayout.Width).CopyTo(dst[(y * dstLayout.RowStride)..]);
    }
};
ProbedScaler probed = ScalingModel.Probe(size, new ImageSize(224, 224), linearExact);
using ScalingModel probedModel = ScalingModel.FromProbe(probed);   // predicts the scaler (IsExact is false)
Console.WriteLine($"probed INTER_LINEAR_EXACT: {probedModel.Analyze().Verdict}, predicted within {probed.PredictionError:0.##} grey levels, " +
                  $"{probed.ScalerCalls} scaler calls");
using var probedDefense = new SecureScaler(probedModel, new SecureScalerOptions { Filter = new ReconstructionOptions { Seed = 1 } });
byte[] defended = new byte[224 * 224 * 3];                      // images of the probed size only
Reconstruction probedApplied = probedDefense.Resize(pixels, new ImageLayout(size.Width, size.Height, 3), defended, new ImageLayout(224, 224, 3));
// </readme:probe>
Console.WriteLine($"probed defense applied: {probedApplied}");
Console.WriteLine($"probed defense sha256: {Convert.ToHexString(SHA256.HashData(defended))}");
return 0;
