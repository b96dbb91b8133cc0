using ImageMagick;
using NetVips;
using ScaleDefense;

/// <summary>The scalers of the .NET image stack the table covers, with the advice for each.</summary>
internal static class ImageStack
{
    private const string SecureOpenCv = "`SecureScaler` for it (median), or `INTER_AREA`";
    private const string SecureSkia = "`bitmap.SecureResize(scaler)` (ScaleDefense.SkiaSharp), or Linear + `SKMipmapMode.Linear`";
    private const string SecureMlNet = "`SecureResizeImages` (ScaleDefense.ML)";

    public static IReadOnlyList<SurveyedScaler> Scalers { get; } =
    [
        SurveyedScaler.Modelled("OpenCvSharp", "`Cv2.Resize` `INTER_NEAREST`", ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, ScalingOptions.Default, SecureOpenCv),
        SurveyedScaler.Modelled("OpenCvSharp", "`Cv2.Resize` `INTER_LINEAR` (default)", ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, ScalingOptions.Default, SecureOpenCv),
        SurveyedScaler.Modelled("OpenCvSharp", "`Cv2.Resize` `INTER_CUBIC`", ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, ScalingOptions.Default, "`INTER_AREA`; detection where β ≤ 4"),
        SurveyedScaler.Modelled("OpenCvSharp", "`Cv2.Resize` `INTER_AREA`", ScalingLibrary.OpenCV, ScalingAlgorithm.Area, ScalingOptions.Default, "keep it"),
        SurveyedScaler.Modelled("SkiaSharp", "`Resize` `SKFilterMode.Nearest`", ScalingLibrary.SkiaSharp, ScalingAlgorithm.Nearest, ScalingOptions.Default, SecureSkia),
        SurveyedScaler.Modelled("SkiaSharp", "`Resize` `SKFilterMode.Linear`", ScalingLibrary.SkiaSharp, ScalingAlgorithm.Bilinear, ScalingOptions.Default, SecureSkia),
        SurveyedScaler.Modelled("SkiaSharp", "`Resize` Linear + `SKMipmapMode.Linear`", ScalingLibrary.SkiaSharp, ScalingAlgorithm.Bilinear, new ScalingOptions { Mipmaps = MipmapMode.Linear }, "keep it"),
        SurveyedScaler.Modelled("SkiaSharp", "`Resize` `SKCubicResampler.Mitchell`", ScalingLibrary.SkiaSharp, ScalingAlgorithm.Bicubic, ScalingOptions.Default, SecureSkia),
        SurveyedScaler.Modelled("SkiaSharp", "`Resize` `SKCubicResampler.CatmullRom`", ScalingLibrary.SkiaSharp, ScalingAlgorithm.Bicubic, new ScalingOptions { Cubic = CubicResampler.CatmullRom }, SecureSkia),
        SurveyedScaler.Modelled("ML.NET", "`ResizeImages` (default: IsoCrop)", ScalingLibrary.MlNet, ScalingAlgorithm.Bicubic, ScalingOptions.Default, SecureMlNet),
        SurveyedScaler.Modelled("ML.NET", "`ResizeImages` IsoPad", ScalingLibrary.MlNet, ScalingAlgorithm.Bicubic, new ScalingOptions { MlNetResizing = MlNetResizing.IsoPad }, SecureMlNet),
        SurveyedScaler.Modelled("ML.NET", "`ResizeImages` Fill", ScalingLibrary.MlNet, ScalingAlgorithm.Nearest, ScalingOptions.Default, SecureMlNet),
        SurveyedScaler.Probed("Magick.NET", "`Resize` (default filter)", BlackBoxScalers.MagickResize(FilterType.Undefined), "keep it"),
        SurveyedScaler.Probed("Magick.NET", "`Resize` `FilterType.Triangle`", BlackBoxScalers.MagickResize(FilterType.Triangle), "keep it"),
        SurveyedScaler.Probed("Magick.NET", "`Resize` `FilterType.Point`", BlackBoxScalers.MagickResize(FilterType.Point), "default filter; or `SecureScaler` over `ScalingModel.FromProbe`"),
        SurveyedScaler.Probed("Magick.NET", "`Sample`", BlackBoxScalers.MagickSample(), "`Resize`; or `SecureScaler` over `ScalingModel.FromProbe`"),
        SurveyedScaler.Probed("NetVips", "`Resize` (default, Lanczos-3)", BlackBoxScalers.VipsResize(null), "keep it"),
        SurveyedScaler.Probed("NetVips", "`Resize` `Kernel.Linear`", BlackBoxScalers.VipsResize(Enums.Kernel.Linear), "keep it"),
        SurveyedScaler.Probed("NetVips", "`Resize` `Kernel.Nearest`", BlackBoxScalers.VipsResize(Enums.Kernel.Nearest), "default kernel; or `SecureScaler` over `ScalingModel.FromProbe`"),
    ];
}
