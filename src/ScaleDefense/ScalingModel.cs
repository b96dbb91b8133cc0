using ScaleDefense.Managed;
using ScaleDefense.Native;

namespace ScaleDefense;

/// <summary>
/// The exact model of one library's resize for one source and target size: its coefficient
/// matrices (<c>scale(X) ≈ L·X·R</c>) and a <c>Scale</c> that reproduces the library's output
/// bit for bit — or, built with <see cref="FromMatrices(CoefficientMatrix, CoefficientMatrix)"/> or
/// <see cref="FromProbe(ProbedScaler)"/>, a <see cref="ScalingLibrary.Custom"/> model that predicts a
/// scaler from its matrices (<see cref="IsExact"/> false). Immutable; safe to use from many threads
/// at once. Dispose to free the native handle.
/// </summary>
/// <example>
/// <code>
/// using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear,
///                                       source: new(1024, 768), target: new(224, 224));
/// model.Scale(pixels, new ImageLayout(1024, 768, 3), output, new ImageLayout(224, 224, 3));
/// </code>
/// </example>
/// <remarks>
/// Every operation goes through one engine of the chosen backend (<see cref="Backend"/>); the set P
/// of pixels the scaler reads is computed once and shared by <see cref="Analyze"/>,
/// <see cref="Reconstruct(ReadOnlySpan{byte}, ImageLayout, Span{byte}, ImageLayout, Reconstruction, ReconstructionOptions)"/> and the attacks.
/// </remarks>
public sealed partial class ScalingModel : IDisposable
{
    private readonly IScalingEngine _engine;
    private readonly Lazy<CoefficientMatrix>[] _matrices;
    private readonly Lazy<ConsideredPixels> _considered;
    private readonly Lazy<Reconstruction> _automatic;
    private readonly Lazy<VulnerabilityReport> _report; // [vertical u8, horizontal u8, vertical f32, horizontal f32]

    private ScalingModel(ScalingLibrary library, ScalingAlgorithm algorithm, ImageSize source, ImageSize target,
                         ScalingOptions options, CubicResampler? cubic, IScalingEngine engine, CustomMatrices? custom = null)
    {
        Mipmaps = options.Mipmaps;
        Cubic = cubic;
        Custom = custom;
        Library = library;
        Algorithm = algorithm;
        Source = source;
        Target = target;
        Backend = engine.Backend;
        Antialias = options.Antialias;
        OpenCvBuild = library == ScalingLibrary.OpenCV ? options.OpenCvBuild : OpenCvBuild.Plain;
        _engine = engine;
        _considered = new(() => ConsideredPixels.FromMatrices(GetLeft(AnalysedType), GetRight(AnalysedType)));
        _report = new(BuildReport);
        _heavy = new(() => Detection.WeightedReconstruction.HeavyPixels(Analyze()));
        _automatic = new(ChooseAutomatic);
        _matrices =
        [
            new(() => BuildMatrix(vertical: true, SampleType.UInt8)),
            new(() => BuildMatrix(vertical: false, SampleType.UInt8)),
            new(() => BuildMatrix(vertical: true, SampleType.Float32)),
            new(() => BuildMatrix(vertical: false, SampleType.Float32)),
        ];
    }

    /// <summary>Builds the model with the default options (<see cref="ScalingBackend.Auto"/>, no antialias).</summary>
    /// <exception cref="ArgumentException">A size is not positive or too large, or the library has no such algorithm.</exception>
    public static ScalingModel Create(ScalingLibrary library, ScalingAlgorithm algorithm, ImageSize source, ImageSize target) =>
        Create(library, algorithm, source, target, ScalingOptions.Default);

    /// <summary>Builds the model on the given backend, no antialias.</summary>
    /// <inheritdoc cref="Create(ScalingLibrary, ScalingAlgorithm, ImageSize, ImageSize, ScalingOptions)" path="/exception"/>
    public static ScalingModel Create(ScalingLibrary library, ScalingAlgorithm algorithm, ImageSize source, ImageSize target, ScalingBackend backend) =>
        Create(library, algorithm, source, target, new ScalingOptions { Backend = backend });

    /// <summary>Builds the model.</summary>
    /// <exception cref="ArgumentException">A size is not positive, too large or beyond <see cref="ScalingOptions.Limits"/>, the library has no such algorithm, antialias, mipmaps or a cubic resampler was asked of a scaler without that choice, the cubic's B or C is outside 0..1, or the backend is unknown.</exception>
    /// <exception cref="NotSupportedException">The combination exists but is not modelled in this release.</exception>
    /// <exception cref="ScaleDefenseException"><see cref="ScalingBackend.Native"/> was asked for and the native library does not load here.</exception>
    public static ScalingModel Create(ScalingLibrary library, ScalingAlgorithm algorithm, ImageSize source, ImageSize target,
                                      ScalingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ScalerCatalog.Require(library, algorithm, options.Antialias);
        if (!Enum.IsDefined(options.OpenCvBuild))
        {
            throw new ArgumentException($"Unknown OpenCvBuild {(int)options.OpenCvBuild}; use OpenCvBuild.Ipp or OpenCvBuild.Plain.", nameof(options));
        }
        RequireSize(source, nameof(source));
        RequireSize(target, nameof(target));
        ResourceLimits limits = options.Limits ?? throw new ArgumentException("ScalingOptions.Limits must not be null.", nameof(options));
        limits.Require(source, 1, 1, "the source size");
        limits.Require(target, 1, 1, "the target size");
        CubicResampler? cubic = options.ResolveSampling(library, algorithm, nameof(options));
        // Only OpenCV has builds; other libraries are modelled as Plain (the C ABI requires it).
        OpenCvBuild build = library == ScalingLibrary.OpenCV ? options.OpenCvBuild : OpenCvBuild.Plain;
        MlNetFit? fit = options.ResolveMlNetFit(library, algorithm, nameof(options));
        IScalingEngine engine = PickEngine(options.Backend,
            () => new NativeScalingEngine(library, algorithm, source, target, options.Antialias, options.Mipmaps, cubic, build, fit),
            () => ManagedEngines.Create(library, algorithm, source, target, options.Antialias, options.Mipmaps, cubic, build, fit));
        return new ScalingModel(library, algorithm, source, target, options, cubic, engine);
    }

    /// <summary>
    /// A <see cref="ScalingLibrary.Custom"/> model of any separable linear scaler given as its matrices:
    /// <c>scale(X) ≈ L·X·R</c>, computed in float32 (8-bit output: the sum rounded and clamped to 0..255).
    /// Analysis, reconstruction, <see cref="SecureScaler"/> and the attacks accept it.
    /// </summary>
    /// <remarks>
    /// Not exact (<see cref="IsExact"/> is false): its <c>Scale</c> predicts the scaler, it does not reproduce the
    /// library's own rounding, so an attack built on it may miss the real scaler's output by a grey level or so.
    /// </remarks>
    /// <param name="left">L, target height × source height (outputs as rows, as <see cref="Left"/>).</param>
    /// <param name="right">R, source width × target width (outputs as columns, as <see cref="Right"/>).</param>
    /// <exception cref="ArgumentException">A matrix has the wrong orientation, a side of 0 or above <see cref="MaxDimension"/>, a non-finite weight, or an output with no non-zero weight.</exception>
    public static ScalingModel FromMatrices(CoefficientMatrix left, CoefficientMatrix right) => FromMatrices(left, right, ScalingOptions.Default);

    /// <inheritdoc cref="FromMatrices(CoefficientMatrix, CoefficientMatrix)"/>
    /// <param name="left">L, target height × source height.</param>
    /// <param name="right">R, source width × target width.</param>
    /// <param name="options">Backend and limits; <see cref="ScalingOptions.Antialias"/> must be false.</param>
    public static ScalingModel FromMatrices(CoefficientMatrix left, CoefficientMatrix right, ScalingOptions options) =>
        FromCustom(CustomMatrices.From(left, right, "given matrices"), options);

    /// <summary>A <see cref="ScalingLibrary.Custom"/> model from dense matrices; zero weights are not stored.</summary>
    /// <inheritdoc cref="FromMatrices(CoefficientMatrix, CoefficientMatrix)" path="/remarks"/>
    /// <param name="left">L as [target height, source height].</param>
    /// <param name="right">R as [source width, target width].</param>
    /// <exception cref="ArgumentException">An array is empty, a weight is not finite, or an output has no non-zero weight.</exception>
    public static ScalingModel FromMatrices(double[,] left, double[,] right) => FromMatrices(left, right, ScalingOptions.Default);

    /// <inheritdoc cref="FromMatrices(double[,], double[,])"/>
    /// <param name="left">L as [target height, source height].</param>
    /// <param name="right">R as [source width, target width].</param>
    /// <param name="options">Backend and limits; <see cref="ScalingOptions.Antialias"/> must be false.</param>
    public static ScalingModel FromMatrices(double[,] left, double[,] right, ScalingOptions options) =>
        FromCustom(CustomMatrices.From(left, right, "given matrices"), options);

    /// <summary>
    /// A <see cref="ScalingLibrary.Custom"/> model of a probed scaler (<see cref="Probe(ImageSize, ImageSize, ByteScaler)"/>),
    /// so a scaler ScaleDefense does not model can be attacked in tests and defended with <see cref="SecureScaler"/>.
    /// It predicts the scaler within <see cref="ProbedScaler.PredictionError"/>; it does not reproduce its bytes
    /// (<see cref="IsExact"/> is false).
    /// </summary>
    /// <exception cref="ArgumentException">The probe recovered an output with no weight (the scaler ignores its input there), or the sizes exceed the options' limits.</exception>
    public static ScalingModel FromProbe(ProbedScaler probed) => FromProbe(probed, ScalingOptions.Default);

    /// <inheritdoc cref="FromProbe(ProbedScaler)"/>
    /// <param name="probed">The probe's result.</param>
    /// <param name="options">Backend and limits; <see cref="ScalingOptions.Antialias"/> must be false.</param>
    public static ScalingModel FromProbe(ProbedScaler probed, ScalingOptions options)
    {
        ArgumentNullException.ThrowIfNull(probed);
        string origin = $"probed ({(probed.ProbeType == SampleType.UInt8 ? "8-bit" : "float32")}, {probed.ScalerCalls} scaler calls, prediction error {probed.PredictionError:0.###})";
        return FromCustom(CustomMatrices.From(probed.Left, probed.Right, origin), options);
    }

    internal static ScalingModel FromCustom(CustomMatrices matrices, ScalingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Antialias)
        {
            throw new ArgumentException("Antialias is a library switch; a model given as matrices has its own weights. Leave ScalingOptions.Antialias false.", nameof(options));
        }
        ResourceLimits limits = options.Limits ?? throw new ArgumentException("ScalingOptions.Limits must not be null.", nameof(options));
        limits.Require(matrices.Source, 1, 1, "the source size");
        limits.Require(matrices.Target, 1, 1, "the target size");
        IScalingEngine engine = PickEngine(options.Backend,
            () => new NativeScalingEngine(matrices),
            () => new Managed.Custom.ManagedMatrixEngine(matrices));
        return new ScalingModel(ScalingLibrary.Custom, ScalingAlgorithm.Custom, matrices.Source, matrices.Target, options, null, engine, matrices);
    }

    private static IScalingEngine PickEngine(ScalingBackend backend, Func<IScalingEngine> native, Func<IScalingEngine> managed) =>
        NativeCore.Resolve(backend) switch
        {
            ScalingBackend.Native when NativeCore.LoadError is { } error => throw new ScaleDefenseException(
                $"The native backend was requested, but {error} Use ScalingBackend.Auto (or Managed) to run on the managed baseline instead."),
            ScalingBackend.Native => native(),
            _ => managed(),
        };

    /// <summary>
    /// True when <c>Scale</c> reproduces the library's output bit for bit (every model of a known library);
    /// false for a <see cref="ScalingLibrary.Custom"/> model, which predicts the scaler as <c>L·X·R</c> but
    /// does not know its rounding.
    /// </summary>
    public bool IsExact => Custom is null;

    /// <summary>What the model was built from: the library it reproduces, or, for a custom model, the matrices or probe.</summary>
    public string Origin => Custom?.Origin ?? $"exact model of {Library} {Algorithm}";

    /// <summary>The matrices of a custom model (null for a library's model).</summary>
    internal CustomMatrices? Custom { get; }

    /// <summary>The library modelled.</summary>
    public ScalingLibrary Library { get; }

    /// <summary>The interpolation modelled.</summary>
    public ScalingAlgorithm Algorithm { get; }

    /// <summary>Size of the images the model scales.</summary>
    public ImageSize Source { get; }

    /// <summary>Size of the images it produces.</summary>
    public ImageSize Target { get; }

    /// <summary>The implementation doing the arithmetic: Native or Managed (<see cref="ScalingBackend.Auto"/> resolved when the model was created).</summary>
    public ScalingBackend Backend { get; }

    /// <summary>Whether the library's antialias switch is on.</summary>
    public bool Antialias { get; }

    /// <summary>SkiaSharp's mipmap mode (<see cref="MipmapMode.None"/> for every other scaler).</summary>
    public MipmapMode Mipmaps { get; }

    /// <summary>The cubic of SkiaSharp bicubic (Mitchell unless <see cref="ScalingOptions.Cubic"/> said otherwise); null for every other scaler.</summary>
    public CubicResampler? Cubic { get; }
    /// <summary>The OpenCV build modelled (<see cref="OpenCvBuild.Plain"/> for every other library).</summary>
    public OpenCvBuild OpenCvBuild { get; }

    /// <summary>Width of the kernel's support in source pixels along x (the paper's σ).</summary>
    public double KernelWidthX => _engine.KernelWidth(vertical: false);

    /// <summary>Width of the kernel's support in source pixels along y.</summary>
    public double KernelWidthY => _engine.KernelWidth(vertical: true);

    /// <summary>Whether <c>Scale</c> accepts images of this sample type (TensorFlow and PyTorch produce float output only).</summary>
    public bool Supports(SampleType sampleType) => _engine.Supports(sampleType);

    /// <summary>L (target height × source height) of the 8-bit arithmetic.</summary>
    public CoefficientMatrix Left => GetLeft(SampleType.UInt8);

    /// <summary>R (source width × target width) of the 8-bit arithmetic.</summary>
    public CoefficientMatrix Right => GetRight(SampleType.UInt8);

    /// <summary>
    /// L for the given sample type. 8-bit OpenCV bilinear uses weights quantised to 1/2048;
    /// float32 uses the float weights themselves.
    /// </summary>
    public CoefficientMatrix GetLeft(SampleType sampleType) => _matrices[MatrixSlot(vertical: true, sampleType)].Value;

    /// <summary>R for the given sample type.</summary>
    public CoefficientMatrix GetRight(SampleType sampleType) => _matrices[MatrixSlot(vertical: false, sampleType)].Value;

    /// <summary>
    /// Analyses how attackable this scaler is (β, σ, the considered pixels P, r, weight
    /// concentration, downgrade to nearest), from the matrices of its 8-bit path where it has
    /// one and its float path otherwise.
    /// </summary>
    /// <remarks>Computed once: the model is immutable, so the report is shared by every caller.</remarks>
    public VulnerabilityReport Analyze() => _report.Value;

    /// <summary>The sample type whose matrices P and the analysis are read from: the 8-bit path where the library has one.</summary>
    internal SampleType AnalysedType => Supports(SampleType.UInt8) ? SampleType.UInt8 : SampleType.Float32;

    /// <summary>The set P of source pixels this scaler reads, computed once.</summary>
    internal ConsideredPixels Considered => _considered.Value;

    private VulnerabilityReport BuildReport()
    {
        string build = Library == ScalingLibrary.OpenCV && OpenCvBuild == OpenCvBuild.Plain ? " (no IPP)" : "";
        string name = Custom is not null ? $"{Custom.Origin} scaler {Source} -> {Target}" : $"{Library} {Algorithm}{(Antialias ? " (antialias)" : "")}{build} {Source} -> {Target}";
        return VulnerabilityReport.FromMatrices(name, GetLeft(AnalysedType), GetRight(AnalysedType), KernelWidthX, KernelWidthY, Considered);
    }

    /// <summary>
    /// Recovers L and R of any float32 resize seen only as a delegate (one channel), so a scaler we do
    /// not model can be analysed, attacked in tests and defended (<see cref="FromProbe(ProbedScaler)"/>).
    /// Rows (columns) spaced wider than the kernel's support are lit in the same call: a local kernel
    /// takes a few calls per axis plus a few to measure the support; a kernel as wide as the image one per index.
    /// </summary>
    /// <exception cref="ArgumentException">A size is not positive, or the source is too large to probe.</exception>
    public static ProbedScaler Probe(ImageSize source, ImageSize target, FloatScaler scaler) => ScalerProbe.Probe(source, target, scaler);

    /// <summary>
    /// Recovers L and R of any 8-bit resize seen only as a delegate (one channel). Impulses of both signs
    /// sit on dithered mid-grey backgrounds and are averaged over outputs and passes, so the outputs'
    /// rounding averages out: weights come back within about 1e-3, negative lobes included, and weights
    /// below about 4e-4 are dropped. Calls are shared as in <see cref="Probe(ImageSize, ImageSize, FloatScaler)"/>,
    /// times the passes (8 to 48; more for small targets).
    /// </summary>
    /// <exception cref="ArgumentException">A size is not positive, or the source is too large to probe.</exception>
    public static ProbedScaler Probe(ImageSize source, ImageSize target, ByteScaler scaler) => ScalerProbe.Probe(source, target, scaler);

    /// <summary>
    /// Rebuilds the pixels this scaler reads (the set P) with the selective median or random filter
    /// (paper §4.3 and Appendix B), leaving every other pixel as it is: the defense that makes the
    /// attacker lose control of the scaled output. <paramref name="destination"/> may be the very same
    /// buffer as <paramref name="source"/> (in place); 8-bit images only.
    /// </summary>
    /// <param name="source">The (possibly attacked) image, of the model's source size.</param>
    /// <param name="sourceLayout">Its layout.</param>
    /// <param name="destination">Receives the reconstructed image (same size and channels).</param>
    /// <param name="destinationLayout">Its layout.</param>
    /// <param name="options">Window, seed and threads.</param>
    /// <param name="method"><see cref="Reconstruction.Median"/> or <see cref="Reconstruction.Random"/>; <see cref="Reconstruction.WeightedMedian"/> rebuilds the heavily weighted pixels instead of P; <see cref="Reconstruction.Auto"/> picks as <see cref="AutomaticReconstruction"/> says; <see cref="Reconstruction.None"/> copies.</param>
    /// <returns>The number of pixels rewritten.</returns>
    /// <exception cref="ArgumentException">A layout does not match the model's source size or its buffer, the channels differ, or the buffers partly overlap.</exception>
    public long Reconstruct(ReadOnlySpan<byte> source, ImageLayout sourceLayout, Span<byte> destination, ImageLayout destinationLayout,
                            Reconstruction method, ReconstructionOptions options)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(method))
        {
            throw new ArgumentException($"Unknown reconstruction {(int)method}; use None, Median, Random, WeightedMedian or Auto.", nameof(method));
        }
        options.Validate(nameof(options));
        sourceLayout.Validate(source.Length, nameof(sourceLayout));
        destinationLayout.Validate(destination.Length, nameof(destinationLayout));
        if (sourceLayout.Size != Source || destinationLayout.Size != Source)
        {
            throw new ArgumentException($"Reconstruction works on images of the model's source size {Source}; got {sourceLayout.Size} and {destinationLayout.Size}.", nameof(sourceLayout));
        }
        if (sourceLayout.Channels != destinationLayout.Channels)
        {
            throw new ArgumentException($"source has {sourceLayout.Channels} channels but destination has {destinationLayout.Channels}.", nameof(destinationLayout));
        }
        bool inPlace = System.Runtime.CompilerServices.Unsafe.AreSame(in source[0], in destination[0]) && sourceLayout.RowStride == destinationLayout.RowStride;
        if (!inPlace && source.Overlaps(destination))
        {
            throw new ArgumentException("source and destination must be the same buffer (in place) or not overlap at all.", nameof(destination));
        }
        Reconstruction applied = method == Reconstruction.Auto ? AutomaticReconstruction : method;
        if (applied == Reconstruction.None)
        {
            if (!inPlace)
            {
                for (int y = 0; y < Source.Height; y++)
                {
                    source.Slice(y * sourceLayout.RowStride, Source.Width * sourceLayout.Channels).CopyTo(destination.Slice(y * destinationLayout.RowStride));
                }
            }
            return 0;
        }
        return _engine.Reconstruct(source, sourceLayout, destination, destinationLayout, applied, options, SetFor(applied));
    }

    /// <summary>Rebuilds P with the default options (paper window, unpredictable random picks, one thread).</summary>
    /// <inheritdoc cref="Reconstruct(ReadOnlySpan{byte}, ImageLayout, Span{byte}, ImageLayout, Reconstruction, ReconstructionOptions)"/>
    public long Reconstruct(ReadOnlySpan<byte> source, ImageLayout sourceLayout, Span<byte> destination, ImageLayout destinationLayout,
                            Reconstruction method) =>
        Reconstruct(source, sourceLayout, destination, destinationLayout, method, ReconstructionOptions.Default);

    /// <summary>Rebuilds P in place. See <see cref="Reconstruct(ReadOnlySpan{byte}, ImageLayout, Span{byte}, ImageLayout, Reconstruction, ReconstructionOptions)"/>.</summary>
    public long Reconstruct(Span<byte> image, ImageLayout layout, Reconstruction method, ReconstructionOptions options) =>
        Reconstruct(image, layout, image, layout, method, options);

    /// <summary>Rebuilds P in place with the default options.</summary>
    public long Reconstruct(Span<byte> image, ImageLayout layout, Reconstruction method) =>
        Reconstruct(image, layout, image, layout, method, ReconstructionOptions.Default);

    /// <summary>The strong attack on this model's engine (validated by <see cref="StrongScalingAttack"/>).</summary>
    internal StrongAttackOutput StrongAttack(ReadOnlySpan<byte> source, ImageLayout sourceLayout, ReadOnlySpan<byte> target, ImageLayout targetLayout,
                                             StrongAttackOptions options)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _engine.StrongAttack(source, sourceLayout, target, targetLayout, options);
    }

    /// <summary>
    /// What <see cref="Reconstruction.Auto"/> applies for this scaler: none when the analysis finds it robust;
    /// <see cref="Reconstruction.WeightedMedian"/> when it reads every pixel (r = 1, where the median has nothing to
    /// rebuild) but weighs some far more, at β below <see cref="WeightedMedianAutoLimit"/>; the median filter otherwise.
    /// </summary>
    public Reconstruction AutomaticReconstruction => _automatic.Value;

    /// <summary>
    /// <see cref="Reconstruction.Auto"/> picks the weighted median below this ratio only: at β = 4 it cost benign
    /// photos up to 2 dB under the 20 dB bar (OpenCV bicubic and Lanczos, docs/detection.md), so there it stays opt-in.
    /// </summary>
    public const double WeightedMedianAutoLimit = 4.0;

    private Reconstruction ChooseAutomatic()
    {
        VulnerabilityReport report = Analyze();
        if (report.Verdict == Verdict.Robust)
        {
            return Reconstruction.None;
        }
        ConsideredPixels heavy = HeavyPixels;
        bool dense = Considered.CoversImage && heavy.Rows.Length > 0 && heavy.Columns.Length > 0;
        return dense && Math.Max(report.Horizontal.Ratio, report.Vertical.Ratio) < WeightedMedianAutoLimit
            ? Reconstruction.WeightedMedian
            : Reconstruction.Median;
    }

    /// <summary>Scales an 8-bit image into a caller-provided buffer, exactly as the library does.</summary>
    /// <exception cref="ArgumentException">A layout does not match the model's sizes or its buffer, the channels differ, or the buffers overlap.</exception>
    public void Scale(ReadOnlySpan<byte> source, ImageLayout sourceLayout, Span<byte> destination, ImageLayout destinationLayout)
    {
        Validate(source, sourceLayout, destination, destinationLayout);
        _engine.Scale(source, sourceLayout, destination, destinationLayout);
    }

    /// <summary>Scales a float32 image into a caller-provided buffer, exactly as the library does.</summary>
    /// <exception cref="ArgumentException">A layout does not match the model's sizes or its buffer, the channels differ, or the buffers overlap.</exception>
    public void Scale(ReadOnlySpan<float> source, ImageLayout sourceLayout, Span<float> destination, ImageLayout destinationLayout)
    {
        Validate(source, sourceLayout, destination, destinationLayout);
        _engine.Scale(source, sourceLayout, destination, destinationLayout);
    }

    /// <summary>Scales an unpadded 8-bit image and returns a new unpadded target-size image.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channels"/> is not 1 to 4.</exception>
    public byte[] Scale(ReadOnlySpan<byte> source, int channels)
    {
        RequireChannels(channels);
        var output = new byte[(long)Target.Width * Target.Height * channels];
        Scale(source, new ImageLayout(Source.Width, Source.Height, channels), output, new ImageLayout(Target.Width, Target.Height, channels));
        return output;
    }

    /// <summary>Scales an unpadded float32 image and returns a new unpadded target-size image.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channels"/> is not 1 to 4.</exception>
    public float[] Scale(ReadOnlySpan<float> source, int channels)
    {
        RequireChannels(channels);
        var output = new float[(long)Target.Width * Target.Height * channels];
        Scale(source, new ImageLayout(Source.Width, Source.Height, channels), output, new ImageLayout(Target.Width, Target.Height, channels));
        return output;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _disposed = true;
        _engine.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => Custom is null
        ? $"{Library} {Algorithm} {Source} -> {Target} ({Backend})"
        : $"Custom model, {Custom.Origin}, {Source} -> {Target} ({Backend})";

    private volatile bool _disposed;

    /// <summary>The largest width or height a model accepts (2^20), so every index product fits in 64 bits.</summary>
    public const int MaxDimension = 1 << 20;

    private static void RequireSize(ImageSize size, string name)
    {
        if (size.Width <= 0 || size.Height <= 0)
        {
            throw new ArgumentException($"{name} size must be positive, got {size}.", name);
        }
        if (size.Width > MaxDimension || size.Height > MaxDimension)
        {
            throw new ArgumentException($"{name} size {size} is too large: at most {MaxDimension} pixels per side.", name);
        }
    }

    private static void RequireChannels(int channels)
    {
        if (channels is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "Images have 1 to 4 interleaved channels.");
        }
    }

    private static int MatrixSlot(bool vertical, SampleType sampleType) => sampleType switch
    {
        SampleType.UInt8 => vertical ? 0 : 1,
        SampleType.Float32 => vertical ? 2 : 3,
        _ => throw new ArgumentException($"Unknown sample type {(int)sampleType}; use UInt8 or Float32.", nameof(sampleType)),
    };

    private CoefficientMatrix BuildMatrix(bool vertical, SampleType sampleType)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        (int[] offsets, int[] indices, double[] weights) = _engine.GetCoefficients(vertical, sampleType);
        return vertical
            ? new CoefficientMatrix(Target.Height, Source.Height, offsets, indices, weights, outputsAreColumns: false)
            : new CoefficientMatrix(Target.Width, Source.Width, offsets, indices, weights, outputsAreColumns: true);
    }

    private void Validate<T>(ReadOnlySpan<T> source, ImageLayout sourceLayout, ReadOnlySpan<T> destination, ImageLayout destinationLayout)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        SampleType type = typeof(T) == typeof(byte) ? SampleType.UInt8 : SampleType.Float32;
        if (!_engine.Supports(type))
        {
            throw new NotSupportedException(type == SampleType.UInt8
                ? $"{Library} {Algorithm} produces float output; scale float32 images (convert 0..255 bytes to float)."
                : $"{Library} {Algorithm} has no float32 path in this model; scale 8-bit images.");
        }
        sourceLayout.Validate(source.Length, nameof(sourceLayout));
        destinationLayout.Validate(destination.Length, nameof(destinationLayout));
        if (source.Overlaps(destination))
        {
            throw new ArgumentException("source and destination must not overlap.", nameof(destination));
        }
        if (sourceLayout.Size != Source)
        {
            throw new ArgumentException($"sourceLayout is {sourceLayout.Size} but this model scales {Source} images; create a model for that size.", nameof(sourceLayout));
        }
        if (destinationLayout.Size != Target)
        {
            throw new ArgumentException($"destinationLayout is {destinationLayout.Size} but this model produces {Target} images.", nameof(destinationLayout));
        }
        if (sourceLayout.Channels != destinationLayout.Channels)
        {
            throw new ArgumentException($"source has {sourceLayout.Channels} channels but destination has {destinationLayout.Channels}.", nameof(destinationLayout));
        }
    }
}
