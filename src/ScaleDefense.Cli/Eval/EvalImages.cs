using OpenCvSharp;
using ScaleDefense.Cli.Imaging;

namespace ScaleDefense.Cli.Eval;

/// <summary>The images of the evaluation: the readable photos of the folder, and the source and target of a case.</summary>
internal static class EvalImages
{
    /// <summary>Every image of the folder that decodes; each one that does not is reported on <paramref name="error"/> and skipped.</summary>
    public static IReadOnlyList<Photo> ReadableIn(string folder, TextWriter error)
    {
        var photos = new List<Photo>();
        foreach (string file in SampleFiles.List(folder))
        {
            try
            {
                using Mat image = ImageFiles.Read(file, ResourceLimits.Default);
                photos.Add(new Photo(file, Path.GetFileNameWithoutExtension(file), new ImageSize(image.Cols, image.Rows)));
            }
            catch (CliException e)
            {
                error.WriteLine($"warning: skipping {e.Message}");
            }
        }
        return photos;
    }

    /// <summary>The source of a case: the photo, or the photo upscaled with bicubic interpolation when the case says so.</summary>
    public static PackedImage Source(EvalCase c)
    {
        using Mat photo = ImageFiles.Read(c.Source.Path, ResourceLimits.Default);
        if (!c.SourceUpscaled)
        {
            return PackedImage.FromMat(photo);
        }
        using Mat upscaled = new();
        Cv2.Resize(photo, upscaled, new Size(c.SourceSize.Width, c.SourceSize.Height), 0, 0, InterpolationFlags.Cubic);
        return PackedImage.FromMat(upscaled);
    }

    /// <summary>The target photo, centre-cropped to the target's aspect ratio, area-resized, with the source's channel count.</summary>
    public static PackedImage Target(EvalCase c, int channels)
    {
        using Mat photo = ImageFiles.Read(c.Target.Path, ResourceLimits.Default);
        using Mat target = TargetFitting.CropAndFit(photo, c.TargetSize, channels);
        return PackedImage.FromMat(target);
    }
}
