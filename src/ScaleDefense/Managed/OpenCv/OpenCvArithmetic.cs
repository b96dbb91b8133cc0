namespace ScaleDefense.Managed.OpenCv;

/// <summary>
/// What the INTER_AREA kernels compute per sample type; the loops are shared (OpenCvAreaKernels,
/// OpenCvKernels.Area2x2). Implemented by structs, so each kernel is compiled once per type with
/// the arithmetic inlined.
/// </summary>
internal interface IOpenCvAreaArithmetic<T>
    where T : unmanaged
{
    /// <summary>How many leading outputs of a row resizeAreaFast_'s vector op computes; the scalar loop does the rest.</summary>
    static abstract int Area2x2VectorColumns(int channels, int width);

    /// <summary>One 2×2 average as the vector op computes it.</summary>
    static abstract T Area2x2Vector(T topLeft, T topRight, T bottomLeft, T bottomRight);

    /// <summary>One 2×2 average as the scalar loop computes it.</summary>
    static abstract T Area2x2Scalar(T topLeft, T topRight, T bottomLeft, T bottomRight);

    /// <summary>
    /// The sum in float32 of the kx×ky block whose first sample is corner[0] (rows rowStride apart,
    /// pixels step apart), before it is scaled by 1/(kx·ky); block has room for its values where the
    /// order of the sum needs them in one row.
    /// </summary>
    static abstract float BlockSum(ReadOnlySpan<T> corner, int rowStride, int step, int kx, int ky, Span<T> block);

    /// <summary>A sample as float32.</summary>
    static abstract float Widen(T sample);

    /// <summary>saturate_cast&lt;T&gt;(float).</summary>
    static abstract T Saturate(float value);
}

/// <summary>
/// Everything a sample type needs in cv::hal::resize: the INTER_AREA arithmetic, and that of the
/// interpolating kernels (linear, cubic, Lanczos4), whose horizontal pass writes TAcc rows
/// (OpenCV's work type: int for 8 bits, float for float32).
/// </summary>
internal interface IOpenCvArithmetic<T, TAcc> : IOpenCvAreaArithmetic<T>
    where T : unmanaged
    where TAcc : unmanaged
{
    /// <summary>Tap <paramref name="at"/>'s weight as the horizontal and vertical passes use it.</summary>
    static abstract TAcc Weight(KernelTable table, int at);

    /// <summary>One term of the horizontal pass.</summary>
    static abstract TAcc Product(T sample, TAcc weight);

    /// <summary>Adds a term to a horizontal sum.</summary>
    static abstract TAcc Add(TAcc sum, TAcc term);

    /// <summary>The linear kernel's vertical pass over two horizontally resampled values.</summary>
    static abstract T LinearVertical(TAcc h0, TAcc w0, TAcc h1, TAcc w1);

    /// <summary>How many leading elements of a row the vertical vector op of the cubic or Lanczos4 kernel computes.</summary>
    static abstract int WideVectorEnd(int n, bool cubic);

    /// <summary>Element e of an output row of the wide kernels as the vector op computes it.</summary>
    static abstract T WideVector(TAcc[][] rows, TAcc[] weights, int e);

    /// <summary>Element e of an output row of the wide kernels as the scalar loop computes it.</summary>
    static abstract T WideScalar(TAcc[][] rows, TAcc[] weights, int e);
}
