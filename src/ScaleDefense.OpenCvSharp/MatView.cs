using OpenCvSharp;

namespace ScaleDefense.OpenCvSharp;

/// <summary>A checked description of a Mat's pixel memory as a ScaleDefense layout.</summary>
internal readonly unsafe struct MatView
{
    public required void* Data { get; init; }
    public required int Length { get; init; }       // samples addressable from Data
    public required ImageLayout Layout { get; init; }
    public required int Depth { get; init; }

    public static MatView Of(Mat mat, string name)
    {
        if (mat.IsDisposed || mat.Empty())
        {
            throw new ArgumentException($"{name} is empty or disposed.", name);
        }
        if (mat.Dims > 2)
        {
            throw new ArgumentException($"{name} has {mat.Dims} dimensions; only 2-D images are supported.", name);
        }
        int depth = mat.Depth();
        if (depth != MatType.CV_8U && depth != MatType.CV_32F)
        {
            throw new ArgumentException($"{name} is {mat.Type()}; only 8-bit unsigned (CV_8U) and float (CV_32F) images are supported.", name);
        }
        int channels = mat.Channels();
        int sampleSize = depth == MatType.CV_8U ? 1 : sizeof(float);
        long step = mat.Step();
        if (step % sampleSize != 0)
        {
            throw new ArgumentException($"{name} has a row step of {step} bytes, not a multiple of the sample size.", name);
        }
        int rows = mat.Rows;
        int cols = mat.Cols;
        var layout = new ImageLayout(cols, rows, channels, checked((int)(step / sampleSize)));
        return new MatView
        {
            Data = (void*)mat.Data,
            Length = checked((int)layout.RequiredLength),
            Layout = layout,
            Depth = depth,
        };
    }
}
